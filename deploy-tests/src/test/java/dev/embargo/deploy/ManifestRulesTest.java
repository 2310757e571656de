package dev.embargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every rendered value set keeps: least privilege, bounded resources, pinned images,
 * health probes.
 */
class ManifestRulesTest {

    static List<RenderedChart> valueSets() {
        return ValueSets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyPodRunsAsNonRootWithoutPrivilegeOnAReadOnlyRootFilesystem(RenderedChart chart) {
        for (Rules.NamedPod pod : Rules.pods(chart)) {
            assertThat(pod.spec().getSecurityContext().getRunAsNonRoot()).as(pod.owner()).isTrue();
            assertThat(pod.spec().getSecurityContext().getRunAsUser()).as(pod.owner()).isPositive();
            assertThat(pod.spec().getSecurityContext().getSeccompProfile().getType())
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.spec().getAutomountServiceAccountToken()).as(pod.owner()).isFalse();
            for (Container container : Rules.containers(pod.spec())) {
                var security = container.getSecurityContext();
                assertThat(security.getAllowPrivilegeEscalation())
                        .as(container.getName())
                        .isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
                assertThat(security.getPrivileged()).as(container.getName()).isFalse();
                assertThat(security.getCapabilities().getDrop())
                        .as(container.getName())
                        .containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as(container.getName()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyContainerRequestsCpuAndMemoryAndHasAMemoryLimit(RenderedChart chart) {
        for (Rules.NamedPod pod : Rules.pods(chart)) {
            for (Container container : Rules.containers(pod.spec())) {
                assertThat(container.getResources().getRequests())
                        .as(container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits())
                        .as(container.getName())
                        .containsKey("memory");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyImageNamesAVersionOrADigestNeverLatest(RenderedChart chart) {
        for (Rules.NamedPod pod : Rules.pods(chart)) {
            for (Container container : Rules.containers(pod.spec())) {
                String image = container.getImage();
                assertThat(image)
                        .as(pod.owner())
                        .matches(".+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})$")
                        .doesNotEndWith(":latest");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyServiceIsProbedOnItsHealthEndpointsOnTheManagementPort(RenderedChart chart) {
        for (Deployment deployment : chart.all(Deployment.class)) {
            Container service = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(probePath(service.getStartupProbe())).isEqualTo("/q/health/started");
            assertThat(probePath(service.getLivenessProbe())).isEqualTo("/q/health/live");
            assertThat(probePath(service.getReadinessProbe())).isEqualTo("/q/health/ready");
            assertThat(
                            List.of(
                                    service.getStartupProbe(),
                                    service.getLivenessProbe(),
                                    service.getReadinessProbe()))
                    .extracting(probe -> probe.getHttpGet().getPort().getStrVal())
                    .containsOnly("management");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void secretsReachTheServicesOnlyThroughSecretReferences(RenderedChart chart) {
        Set<String> secretish = Set.of("PASSWORD", "SECRET", "ENCRYPTION_KEYS", "SIGNING_KEY");
        for (ConfigMap config : chart.all(ConfigMap.class)) {
            assertThat(config.getData().keySet())
                    .as(config.getMetadata().getName())
                    .noneMatch(key -> secretish.stream().anyMatch(key::contains));
        }
        for (Rules.NamedPod pod : Rules.pods(chart)) {
            for (Container container : Rules.containers(pod.spec())) {
                for (EnvVar env : container.getEnv()) {
                    if (secretish.stream().anyMatch(env.getName()::contains)) {
                        assertThat(env.getValue()).as(env.getName()).isNull();
                        assertThat(env.getValueFrom().getSecretKeyRef())
                                .as(env.getName())
                                .isNotNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void servicesAutoscalersAndDisruptionBudgetsPointAtTheDeploymentsPods(RenderedChart chart) {
        Map<String, Map<String, String>> podLabels =
                chart.all(Deployment.class).stream()
                        .collect(
                                Collectors.toMap(
                                        d -> d.getMetadata().getName(),
                                        d -> d.getSpec().getTemplate().getMetadata().getLabels()));
        for (Deployment deployment : chart.all(Deployment.class)) {
            assertThat(podLabels.get(deployment.getMetadata().getName()))
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Service service = chart.named(Service.class, deployment.getMetadata().getName());
            assertThat(podLabels.get(deployment.getMetadata().getName()))
                    .containsAllEntriesOf(service.getSpec().getSelector());
            int containerPort =
                    deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getPorts()
                            .get(0)
                            .getContainerPort();
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(containerPort);
        }
        for (HorizontalPodAutoscaler hpa : chart.all(HorizontalPodAutoscaler.class)) {
            assertThat(podLabels).containsKey(hpa.getSpec().getScaleTargetRef().getName());
            Deployment target =
                    chart.named(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas()).as("replicas are the HPA's to set").isNull();
        }
        for (PodDisruptionBudget pdb : chart.all(PodDisruptionBudget.class)) {
            assertThat(podLabels.values())
                    .filteredOn(
                            labels ->
                                    labels.entrySet()
                                            .containsAll(
                                                    pdb.getSpec()
                                                            .getSelector()
                                                            .getMatchLabels()
                                                            .entrySet()))
                    .hasSize(1);
        }
        assertThat(chart.all(PodDisruptionBudget.class)).hasSize(4);
    }

    private static String probePath(Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        return get.getPath();
    }
}
