package dev.embargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart as a whole: it lints, its values are checked, its secrets and files come from where
 * they should.
 */
class HelmChartTest {

    @Test
    void theChartPassesHelmLintInStrictMode() {
        LintResult lint = new Helm(Repository.chart()).lint().strict().call();

        assertThat(lint.isFailed()).as("helm lint --strict: %s", lint.getMessages()).isFalse();
    }

    @Test
    void everyValueSetRendersTheFourServices() {
        for (RenderedChart chart : ValueSets.all()) {
            assertThat(chart.all(Deployment.class))
                    .as(chart.name)
                    .extracting(d -> d.getMetadata().getName())
                    .containsExactlyInAnyOrder(
                            "psirt-embargo-intake",
                            "psirt-embargo-triage",
                            "psirt-embargo-notify",
                            "psirt-embargo-advisory");
        }
    }

    @Test
    void aLatestImageTagIsRefused() {
        assertThatThrownBy(() -> RenderedChart.render(null, t -> t.set("image.tag", "latest")))
                .hasMessageContaining("/image/tag");
    }

    @Test
    void aValueTheChartDoesNotKnowIsRefused() {
        assertThatThrownBy(
                        () ->
                                RenderedChart.render(
                                        null, t -> t.set("sevrices.intake.port", "9000")))
                .hasMessageContaining("sevrices");
    }

    @Test
    void aServiceWithoutAMemoryLimitIsRefused() {
        assertThatThrownBy(
                        () ->
                                RenderedChart.render(
                                        null,
                                        t -> t.set("services.notify.resources.limits", "null")))
                .hasMessageContaining("limits");
    }

    @Test
    void theGeneratedSecretHoldsEveryCredentialAndOutlivesTheRelease() {
        Secret secret = RenderedChart.render(null).named(Secret.class, "psirt-embargo-secrets");

        assertThat(secret.getMetadata().getAnnotations())
                .containsEntry("helm.sh/resource-policy", "keep");
        assertThat(secret.getData())
                .containsKeys(
                        "intake-db-password",
                        "triage-db-password",
                        "notify-db-password",
                        "advisory-db-password",
                        "oidc-client-secret",
                        "encryption-keys");
        String keyRing = decode(secret.getData().get("encryption-keys"));
        assertThat(keyRing).startsWith("k1:");
        assertThat(Base64.getDecoder().decode(keyRing.substring(3))).hasSize(32);
        assertThat(decode(secret.getData().get("oidc-client-secret"))).hasSize(40);
    }

    @Test
    void anUpgradeKeepsTheValuesGeneratedAtInstall() throws Exception {
        FakeKubernetesApi cluster = FakeKubernetesApi.start();
        Secret installed = RenderedChart.render(null).named(Secret.class, "psirt-embargo-secrets");
        Secret otherInstall =
                RenderedChart.render(null).named(Secret.class, "psirt-embargo-secrets");
        assertThat(otherInstall.getData().get("encryption-keys"))
                .as("fresh installs get fresh keys")
                .isNotEqualTo(installed.getData().get("encryption-keys"));
        try {
            cluster.putSecret(
                    RenderedChart.NAMESPACE,
                    "psirt-embargo-secrets",
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(installed));

            Secret upgraded =
                    RenderedChart.render(null).named(Secret.class, "psirt-embargo-secrets");

            assertThat(upgraded.getData()).isEqualTo(installed.getData());
        } finally {
            cluster.clear();
        }
    }

    @Test
    void anExistingSecretIsUsedAndNoneIsGenerated() {
        RenderedChart chart = RenderedChart.render("production");

        assertThat(chart.all(Secret.class)).isEmpty();
        assertThat(Rules.secretNamesReferenced(chart)).containsExactly("embargo-credentials");
    }

    @Test
    void seedProgramsGivenAsValuesAreMountedWhereTriageLoadsThem() throws Exception {
        Path programs = Repository.root().resolve("deploy/programs");
        List<Path> files;
        try (Stream<Path> listing = Files.list(programs)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        RenderedChart chart =
                RenderedChart.render(
                        null,
                        template ->
                                files.forEach(
                                        file ->
                                                template.setFile(
                                                        "programs."
                                                                + file.getFileName()
                                                                        .toString()
                                                                        .replace(".", "\\."),
                                                        file)));

        ConfigMap mounted = chart.named(ConfigMap.class, "psirt-embargo-programs");
        for (Path file : files) {
            assertThat(mounted.getData())
                    .containsEntry(file.getFileName().toString(), Files.readString(file));
        }
        assertThat(chart.named(ConfigMap.class, "psirt-embargo-config").getData())
                .containsEntry("EMBARGO_PROGRAMS_DIR", "/etc/embargo/programs");
        var triage =
                chart.named(Deployment.class, "psirt-embargo-triage")
                        .getSpec()
                        .getTemplate()
                        .getSpec();
        assertThat(triage.getContainers().get(0).getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/embargo/programs"));
        assertThat(triage.getVolumes())
                .filteredOn(v -> v.getConfigMap() != null)
                .extracting(v -> v.getConfigMap().getName())
                .containsExactly("psirt-embargo-programs");
    }

    @Test
    void withoutProgramsTriageIsToldToTakeThemFromTheApiOnly() {
        RenderedChart chart = RenderedChart.render(null);

        assertThat(chart.named(ConfigMap.class, "psirt-embargo-config").getData())
                .containsEntry("EMBARGO_PROGRAMS_DIR", "");
        assertThat(chart.all(ConfigMap.class))
                .noneMatch(c -> c.getMetadata().getName().endsWith("-programs"));
    }

    @Test
    void theOperatorsReceiveADatabasePerServiceAKraftClusterAndTheStaffRealm() {
        Path realm = Repository.root().resolve("deploy/keycloak/embargo-realm.json");
        RenderedChart chart =
                RenderedChart.render("operators", t -> t.setFile("keycloak.realmJson", realm));

        assertThat(chart.custom("Database"))
                .extracting(
                        d ->
                                (Object)
                                        ((Map<?, ?>) d.getAdditionalProperties().get("spec"))
                                                .get("name"))
                .containsExactlyInAnyOrder("intake", "triage", "notify", "advisory");
        GenericKubernetesResource kafka = chart.custom("Kafka").get(0);
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled");
        GenericKubernetesResource realmImport = chart.custom("KeycloakRealmImport").get(0);
        Map<?, ?> importedRealm =
                (Map<?, ?>)
                        ((Map<?, ?>) realmImport.getAdditionalProperties().get("spec"))
                                .get("realm");
        assertThat(importedRealm.get("realm")).isEqualTo("embargo");
        // Password guessers are locked out, and new passwords must meet a policy.
        assertThat(importedRealm.get("bruteForceProtected")).isEqualTo(true);
        assertThat(importedRealm.get("passwordPolicy")).asString().contains("length(12)");
        ConfigMap config = chart.named(ConfigMap.class, "psirt-embargo-config");
        assertThat(config.getData())
                .containsEntry("EMBARGO_POSTGRES_HOST", "psirt-embargo-postgres-rw")
                .containsEntry(
                        "EMBARGO_KAFKA_BOOTSTRAP", "psirt-embargo-kafka-kafka-bootstrap:9092");
        // Each service reads its role's password from the basic-auth Secret the database operator
        // uses.
        assertThat(Rules.secretNamesReferenced(chart))
                .contains("psirt-embargo-postgres-intake", "psirt-embargo-postgres-advisory");
    }

    @Test
    void theServicesRequireTheAudienceTheRealmsStaffClientsPutInTheirTokens() {
        assertThat(
                        RenderedChart.render(null)
                                .named(ConfigMap.class, "psirt-embargo-config")
                                .getData())
                .containsEntry("EMBARGO_OIDC_AUDIENCE", "embargo-services");
        assertThat(
                        RenderedChart.render(null, t -> t.set("keycloak.audience", "psirt-api"))
                                .named(ConfigMap.class, "psirt-embargo-config")
                                .getData())
                .containsEntry("EMBARGO_OIDC_AUDIENCE", "psirt-api");
    }

    @Test
    void onlyTriageReceivesItsKeycloakAdminClientFromTheSecret() {
        RenderedChart chart = RenderedChart.render(null);

        assertThat(chart.named(ConfigMap.class, "psirt-embargo-config").getData())
                .containsEntry("EMBARGO_KEYCLOAK_ADMIN_CLIENT_ID", "embargo-integrations");
        assertThat(
                        decode(
                                chart.named(Secret.class, "psirt-embargo-secrets")
                                        .getData()
                                        .get("keycloak-admin-client-secret")))
                .hasSize(40);
        for (String service : List.of("intake", "triage", "notify", "advisory")) {
            List<EnvVar> adminSecret =
                    chart
                            .named(Deployment.class, "psirt-embargo-" + service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv()
                            .stream()
                            .filter(
                                    env ->
                                            env.getName()
                                                    .equals("EMBARGO_KEYCLOAK_ADMIN_CLIENT_SECRET"))
                            .toList();
            if (service.equals("triage")) {
                assertThat(adminSecret)
                        .singleElement()
                        .satisfies(
                                env -> {
                                    assertThat(env.getValueFrom().getSecretKeyRef().getName())
                                            .isEqualTo("psirt-embargo-secrets");
                                    assertThat(env.getValueFrom().getSecretKeyRef().getKey())
                                            .isEqualTo("keycloak-admin-client-secret");
                                });
            } else {
                assertThat(adminSecret).as(service).isEmpty();
            }
        }
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64));
    }
}
