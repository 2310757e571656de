package dev.embargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart and compose.yaml speak the services' configuration language: every EMBARGO_* variable
 * they set is one a service reads (a misspelt name would be silently ignored), and both deploy the
 * same images.
 */
class ConfigurationContractTest {

    private static final Pattern READ_VARIABLE = Pattern.compile("\\$\\{(EMBARGO_[A-Z0-9_]+)");
    private static final List<String> SERVICES = List.of("intake", "triage", "notify", "advisory");

    @Test
    void everyVariableTheChartSetsIsReadByTheServiceItIsGivenTo() throws IOException {
        for (RenderedChart chart : ValueSets.all()) {
            Map<String, String> shared =
                    chart.named(ConfigMap.class, "psirt-embargo-config").getData();
            for (String service : SERVICES) {
                Container container =
                        chart.named(Deployment.class, "psirt-embargo-" + service)
                                .getSpec()
                                .getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0);
                Set<String> given = new TreeSet<>();
                container.getEnv().stream()
                        .map(EnvVar::getName)
                        .filter(n -> n.startsWith("EMBARGO_"))
                        .forEach(given::add);
                Set<String> read = variablesRead(service);
                assertThat(read)
                        .as(chart + ": variables %s gives %s", service, given)
                        .containsAll(given);
                // The shared ConfigMap goes to every service: each of its variables is read by one
                // at least.
                assertThat(shared.keySet())
                        .allSatisfy(name -> assertThat(variablesReadByAny()).contains(name));
            }
        }
    }

    @Test
    void everyVariableComposeSetsIsReadByItsServiceAndTheImagesAreTheChartsImages()
            throws IOException {
        JsonNode compose =
                new ObjectMapper(new YAMLFactory())
                        .readTree(Repository.root().resolve("deploy/compose.yaml").toFile());
        Map<String, Deployment> chartDeployments = new HashMap<>();
        RenderedChart.render(null)
                .all(Deployment.class)
                .forEach(d -> chartDeployments.put(d.getMetadata().getName(), d));

        for (String service : SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            assertThat(definition.path("image").asText())
                    .isEqualTo(
                            chartDeployments
                                    .get("psirt-embargo-" + service)
                                    .getSpec()
                                    .getTemplate()
                                    .getSpec()
                                    .getContainers()
                                    .get(0)
                                    .getImage());
            Set<String> given = new TreeSet<>();
            collectVariables(definition.path("environment"), given);
            collectVariables(compose.path("x-service-env"), given);
            assertThat(variablesRead(service)).as("compose: %s", service).containsAll(given);
        }
        for (String mounted :
                List.of(
                        "deploy/keycloak/embargo-realm.json",
                        "deploy/programs",
                        "deploy/compose/create-service-databases.sql")) {
            assertThat(Repository.root().resolve(mounted)).exists();
        }
    }

    private static void collectVariables(JsonNode environment, Set<String> into) {
        for (Iterator<String> names = environment.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("EMBARGO_")) {
                into.add(name);
            }
        }
    }

    /**
     * What a service reads: its own application.properties and the configuration all services
     * share.
     */
    private static Set<String> variablesRead(String service) throws IOException {
        Set<String> read = new TreeSet<>();
        collectRead(
                Repository.root()
                        .resolve(service + "-service/src/main/resources/application.properties"),
                read);
        collectRead(
                Repository.root()
                        .resolve(
                                "service-kit/src/main/resources/META-INF/microprofile-config.properties"),
                read);
        return read;
    }

    private static Set<String> variablesReadByAny() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String service : SERVICES) {
            read.addAll(variablesRead(service));
        }
        return read;
    }

    private static void collectRead(Path properties, Set<String> into) throws IOException {
        Matcher matcher = READ_VARIABLE.matcher(Files.readString(properties));
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
