package dev.embargo.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The chart rendered by Helm (helm template) with one value set, and each manifest read into the
 * Kubernetes API model. Reading is strict: a field the API does not know fails the test, as the API
 * server would refuse it (the model keeps unknown fields aside instead of failing, so they are
 * looked for).
 */
final class RenderedChart {

    static final String RELEASE = "psirt";
    static final String NAMESPACE = "embargo";

    /**
     * Custom resources the chart may render, by apiVersion/kind; anything else must be a built-in
     * kind.
     */
    private static final List<String> KNOWN_CUSTOM_KINDS =
            List.of(
                    "monitoring.coreos.com/v1/ServiceMonitor",
                    "postgresql.cnpg.io/v1/Cluster",
                    "postgresql.cnpg.io/v1/Database",
                    "kafka.strimzi.io/v1beta2/Kafka",
                    "kafka.strimzi.io/v1beta2/KafkaNodePool",
                    "k8s.keycloak.org/v2alpha1/Keycloak",
                    "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory())
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    final String name;
    final String manifest;
    final List<HasMetadata> resources;

    private RenderedChart(String name, String manifest, List<HasMetadata> resources) {
        this.name = name;
        this.manifest = manifest;
        this.resources = resources;
    }

    /** Renders with a values file from src/test/resources/values (null: the chart's defaults). */
    static RenderedChart render(String valueSet, Consumer<TemplateCommand> settings) {
        return render(
                valueSet == null ? "defaults" : valueSet,
                valueSet == null ? null : valuesFile(valueSet),
                settings);
    }

    static RenderedChart render(String valueSet) {
        return render(valueSet, template -> {});
    }

    /** Renders with one of the examples shipped in the chart (helm/embargo/examples). */
    static RenderedChart renderExample(String example) {
        return render(
                "example " + example,
                Repository.chart().resolve("examples/" + example + ".yaml"),
                template -> {});
    }

    private static RenderedChart render(
            String name, Path values, Consumer<TemplateCommand> settings) {
        FakeKubernetesApi.start();
        TemplateCommand template =
                new Helm(Repository.chart())
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .withKubeVersion("1.31.0");
        if (values != null) {
            template.withValuesFile(values);
        }
        settings.accept(template);
        String manifest = template.call();
        return new RenderedChart(name, manifest, parse(manifest));
    }

    static Path valuesFile(String valueSet) {
        return Repository.root()
                .resolve("deploy-tests/src/test/resources/values/" + valueSet + ".yaml");
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "No "
                                                + kind.getSimpleName()
                                                + " "
                                                + name
                                                + " in "
                                                + this.name));
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> r.getKind().equals(kind))
                .toList();
    }

    @Override
    public String toString() {
        return name;
    }

    private static List<HasMetadata> parse(String manifest) {
        List<HasMetadata> parsed = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            KubernetesResource resource;
            try {
                resource = YAML.readValue(document, KubernetesResource.class);
            } catch (Exception e) {
                throw new AssertionError("Not a Kubernetes object:\n" + document, e);
            }
            if (!(resource instanceof HasMetadata object)) {
                throw new AssertionError("Not a Kubernetes object:\n" + document);
            }
            String type = object.getApiVersion() + "/" + object.getKind();
            if (object instanceof GenericKubernetesResource && !KNOWN_CUSTOM_KINDS.contains(type)) {
                throw new AssertionError("Unknown apiVersion/kind " + type + ":\n" + document);
            }
            List<String> unknown = new ArrayList<>();
            UnknownFields.collect(object, object.getKind(), unknown);
            if (!unknown.isEmpty()) {
                throw new AssertionError(
                        "Fields the Kubernetes API does not know in "
                                + object.getKind()
                                + " "
                                + object.getMetadata().getName()
                                + ": "
                                + unknown);
            }
            parsed.add(object);
        }
        return parsed;
    }

    /** Walks a model object and reports every field it kept aside as unknown. */
    static final class UnknownFields {

        private UnknownFields() {}

        static void collect(Object node, String path, List<String> unknown) {
            if (node == null
                    || node instanceof String
                    || node instanceof Number
                    || node instanceof Boolean
                    || node instanceof Enum<?>) {
                return;
            }
            if (node instanceof GenericKubernetesResource generic) {
                // A custom resource's spec follows its CRD, which is not at hand; its metadata is
                // checked.
                collect(generic.getMetadata(), path + ".metadata", unknown);
                return;
            }
            if (node instanceof Iterable<?> items) {
                int i = 0;
                for (Object item : items) {
                    collect(item, path + "[" + i++ + "]", unknown);
                }
                return;
            }
            if (node instanceof Map<?, ?> map) {
                map.forEach((key, value) -> collect(value, path + "." + key, unknown));
                return;
            }
            if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                return;
            }
            Stream.of(node.getClass().getMethods())
                    .filter(
                            m ->
                                    m.getParameterCount() == 0
                                            && m.getName().startsWith("get")
                                            && !m.getName().equals("getClass"))
                    .forEach(
                            getter -> {
                                Object value;
                                try {
                                    value = getter.invoke(node);
                                } catch (ReflectiveOperationException e) {
                                    throw new IllegalStateException(e);
                                }
                                if (getter.getName().equals("getAdditionalProperties")) {
                                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                                        extra.keySet()
                                                .forEach(key -> unknown.add(path + "." + key));
                                    }
                                } else {
                                    collect(
                                            value,
                                            path + "." + getter.getName().substring(3),
                                            unknown);
                                }
                            });
        }
    }
}
