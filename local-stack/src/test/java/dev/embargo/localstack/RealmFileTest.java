package dev.embargo.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.StreamSupport;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The realm the stack imports: what the services, the tests and the README's demo logins rely on.
 */
class RealmFileTest {

    private final JsonNode realm = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper()
                    .readTree(Path.of("../deploy/keycloak/embargo-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theRealmIsEmbargoOverPlainHttpWithFiveMinuteAccessTokens() {
        assertThat(realm.path("realm").asText()).isEqualTo("embargo");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("none");
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(300);
    }

    @Test
    void theFourStaffRolesAreDescribed() {
        assertThat(elements(realm.path("roles").path("realm")))
                .extracting(role -> role.path("name").asText())
                .containsExactlyInAnyOrder("triager", "coordinator", "publisher", "admin");
        assertThat(elements(realm.path("roles").path("realm")))
                .allMatch(role -> !role.path("description").asText().isBlank());
    }

    @Test
    void eachDemoUserHasTheDocumentedRoles() {
        assertThat(rolesOf("triager")).containsExactlyInAnyOrder("triager");
        assertThat(rolesOf("coordinator")).containsExactlyInAnyOrder("coordinator", "triager");
        assertThat(rolesOf("publisher")).containsExactlyInAnyOrder("publisher");
        assertThat(rolesOf("admin"))
                .containsExactlyInAnyOrder("admin", "triager", "coordinator", "publisher");
        assertThat(rolesOf("visitor")).isEmpty();
        assertThat(rolesOf("triager-emek")).containsExactlyInAnyOrder("triager");
    }

    @Test
    void programGroupsLimitStaffAndReachTheTokenAsFullPaths() {
        JsonNode programs =
                elements(realm.path("groups")).stream()
                        .filter(g -> g.path("name").asText().equals("programs"))
                        .findFirst()
                        .orElseThrow();
        assertThat(elements(programs.path("subGroups")))
                .extracting(group -> group.path("name").asText())
                .containsExactlyInAnyOrder(
                        "emek", "moqtail", "oxpulse-partner-edge", "pea2pea", "x0tta6bl4");
        JsonNode limited =
                elements(realm.path("users")).stream()
                        .filter(u -> u.path("username").asText().equals("triager-emek"))
                        .findFirst()
                        .orElseThrow();
        assertThat(elements(limited.path("groups")))
                .extracting(JsonNode::asText)
                .containsExactly("/programs/emek");
        for (JsonNode client : staffClients()) {
            List<JsonNode> mappers = mappersOf(client, "oidc-group-membership-mapper");
            assertThat(mappers).as(client.path("clientId").asText()).hasSize(1);
            JsonNode mapper = mappers.get(0);
            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("groups");
            assertThat(mapper.path("config").path("full.path").asText()).isEqualTo("true");
        }
    }

    @Test
    void theShortLivedClientIssuesTokensThatExpireWithinSeconds() {
        JsonNode shortLived = client("embargo-short-lived");
        assertThat(shortLived.path("attributes").path("access.token.lifespan").asInt())
                .isBetween(1, 5);
        assertThat(shortLived.path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void demoUsersLogInWithTheirNameAsPasswordAndNothingToCompleteFirst() throws Exception {
        for (JsonNode user : demoUsers()) {
            String name = user.path("username").asText();
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(user.path("emailVerified").asBoolean()).as(name).isTrue();
            assertThat(List.of("firstName", "lastName", "email"))
                    .as(name)
                    .allMatch(field -> !user.path(field).asText().isBlank());
            assertThat(user.path("requiredActions")).as(name).isEmpty();
            JsonNode password = user.path("credentials").get(0);
            assertThat(password.path("type").asText()).isEqualTo("password");
            // Keycloak checks a password given as "value" against the password policy and then
            // refuses the whole import; a stored hash is taken as it is.
            assertThat(password.has("value")).as(name).isFalse();
            assertThat(isPbkdf2HashOf(name, password)).as(name).isTrue();
        }
    }

    @Test
    void wrongPasswordsLockAnAccountForMinutesNotForever() {
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        // Ten wrong passwords lock the account for a minute, each ten more for a minute longer,
        // at most 15 minutes; two wrong ones within a second lock it for a minute.
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isEqualTo(60);
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isEqualTo(900);
        assertThat(realm.path("quickLoginCheckMilliSeconds").asInt()).isEqualTo(1000);
        assertThat(realm.path("minimumQuickLoginWaitSeconds").asInt()).isEqualTo(60);
        // Failures older than 12 hours are forgotten.
        assertThat(realm.path("maxDeltaTimeSeconds").asInt()).isEqualTo(43_200);
    }

    @Test
    void newPasswordsHaveTwelveCharactersAtLeastAndAreNeitherTheUserNameNorTheEmail() {
        assertThat(realm.path("passwordPolicy").asText().split(" and "))
                .containsExactlyInAnyOrder("length(12)", "notUsername", "notEmail");
    }

    @Test
    void onlyTheConsoleAndTheServicesClientsIssueTokensForTheServicesAudience() throws IOException {
        Properties kit = new Properties();
        try (var config =
                Files.newBufferedReader(
                        Path.of(
                                "../service-kit/src/main/resources/META-INF/microprofile-config.properties"))) {
            kit.load(config);
        }
        assertThat(kit.getProperty("quarkus.oidc.token.audience"))
                .isEqualTo("${EMBARGO_OIDC_AUDIENCE:embargo-services}");
        for (String clientId : List.of("embargo-services", "embargo-console")) {
            List<JsonNode> audiences = mappersOf(client(clientId), "oidc-audience-mapper");
            assertThat(audiences).as(clientId).hasSize(1);
            JsonNode config = audiences.get(0).path("config");
            assertThat(config.path("included.client.audience").asText())
                    .as(clientId)
                    .isEqualTo("embargo-services");
            assertThat(config.path("access.token.claim").asText()).as(clientId).isEqualTo("true");
        }
        assertThat(mappersOf(client("embargo-short-lived"), "oidc-audience-mapper")).isEmpty();
    }

    @Test
    void theServicesClientIsConfidentialWithDirectGrantsOnly() {
        JsonNode services = client("embargo-services");
        assertThat(services.path("publicClient").asBoolean()).isFalse();
        assertThat(services.path("secret").asText())
                .isEqualTo(ServiceEnvironment.OIDC_CLIENT_SECRET);
        assertThat(services.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(services.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(services.path("serviceAccountsEnabled").asBoolean()).isFalse();
    }

    @Test
    void theConsoleIsAPublicClientUsingPkceThatReturnsOnlyToTheConsoleOfTheLocalAndTestStacks() {
        JsonNode console = client("embargo-console");
        assertThat(console.path("publicClient").asBoolean()).isTrue();
        assertThat(console.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(console.path("attributes").path("pkce.code.challenge.method").asText())
                .isEqualTo("S256");
        // triage serves the console on 8082 (./embargo up) and 18082 (the test stack).
        List<String> origins =
                List.of(
                        "http://localhost:8082",
                        "http://127.0.0.1:8082",
                        "http://localhost:18082",
                        "http://127.0.0.1:18082");
        assertThat(elements(console.path("redirectUris")))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(
                        origins.stream().map(origin -> origin + "/console/*").toList());
        // The browser exchanges its code at Keycloak's token endpoint from the console's origin.
        assertThat(elements(console.path("webOrigins")))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(origins);
    }

    @Test
    void triageAdministersIntegrationsAsItsOwnClientWithOnlyTheRealmManagementRolesItNeeds() {
        JsonNode administration = client(ServiceEnvironment.INTEGRATIONS_CLIENT_ID);
        assertThat(administration.path("publicClient").asBoolean()).isFalse();
        assertThat(administration.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(administration.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(administration.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(administration.path("secret").asText())
                .isEqualTo(ServiceEnvironment.INTEGRATIONS_CLIENT_SECRET);
        JsonNode serviceAccount =
                elements(realm.path("users")).stream()
                        .filter(
                                user ->
                                        user.path("serviceAccountClientId")
                                                .asText()
                                                .equals(ServiceEnvironment.INTEGRATIONS_CLIENT_ID))
                        .findFirst()
                        .orElseThrow();
        assertThat(serviceAccount.path("realmRoles")).isEmpty();
        assertThat(elements(serviceAccount.path("clientRoles").path("realm-management")))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("manage-clients", "manage-users", "query-groups");
    }

    /**
     * The clients that issue tokens to staff (not triage's own client for Keycloak's admin API).
     */
    private List<JsonNode> staffClients() {
        return elements(realm.path("clients")).stream()
                .filter(
                        client ->
                                !client.path("clientId")
                                        .asText()
                                        .equals(ServiceEnvironment.INTEGRATIONS_CLIENT_ID))
                .toList();
    }

    /** The realm's people (service accounts are not). */
    private List<JsonNode> demoUsers() {
        return elements(realm.path("users")).stream()
                .filter(user -> user.path("serviceAccountClientId").isMissingNode())
                .toList();
    }

    private List<String> rolesOf(String username) {
        JsonNode user =
                elements(realm.path("users")).stream()
                        .filter(u -> u.path("username").asText().equals(username))
                        .findFirst()
                        .orElseThrow();
        return elements(user.path("realmRoles")).stream().map(JsonNode::asText).toList();
    }

    private JsonNode client(String clientId) {
        return elements(realm.path("clients")).stream()
                .filter(c -> c.path("clientId").asText().equals(clientId))
                .findFirst()
                .orElseThrow();
    }

    private static List<JsonNode> mappersOf(JsonNode client, String type) {
        return elements(client.path("protocolMappers")).stream()
                .filter(mapper -> mapper.path("protocolMapper").asText().equals(type))
                .toList();
    }

    /** Keycloak's PBKDF2 hash: the derived key's length is the stored value's. */
    private static boolean isPbkdf2HashOf(String password, JsonNode credential) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode secret = json.readTree(credential.path("secretData").asText());
        JsonNode parameters = json.readTree(credential.path("credentialData").asText());
        assertThat(parameters.path("algorithm").asText()).isEqualTo("pbkdf2-sha512");
        byte[] stored = Base64.getDecoder().decode(secret.path("value").asText());
        PBEKeySpec spec =
                new PBEKeySpec(
                        password.toCharArray(),
                        Base64.getDecoder().decode(secret.path("salt").asText()),
                        parameters.path("hashIterations").asInt(),
                        stored.length * 8);
        byte[] derived =
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                        .generateSecret(spec)
                        .getEncoded();
        return MessageDigest.isEqual(derived, stored);
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
