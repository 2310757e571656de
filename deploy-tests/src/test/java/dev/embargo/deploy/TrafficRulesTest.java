package dev.embargo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who can reach what: only the intended paths are public, staff APIs sit apart, pods talk only to
 * what they need.
 */
class TrafficRulesTest {

    /** The researcher's and the world's paths, and the service that answers each. */
    private static final List<String> PUBLIC_PATHS =
            List.of(
                    "/.well-known/security.txt -> intake",
                    "/api/v1/reports -> intake",
                    "/api/v1/programs -> intake",
                    "/report -> intake",
                    "/status -> intake",
                    "/assets/intake -> intake",
                    "/assets/vendor -> intake",
                    "/.well-known/csaf -> advisory",
                    "/advisories -> advisory",
                    "/api/v1/public/advisories -> advisory",
                    "/programs -> advisory",
                    "/openpgp -> advisory",
                    "/assets -> advisory");

    static List<RenderedChart> valueSets() {
        return ValueSets.all();
    }

    static List<RenderedChart> withIngress() {
        return ValueSets.all().stream()
                .filter(chart -> !chart.all(Ingress.class).isEmpty())
                .toList();
    }

    static List<RenderedChart> withNetworkPolicies() {
        return ValueSets.all().stream()
                .filter(chart -> !chart.all(NetworkPolicy.class).isEmpty())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIngress")
    void onlyTheResearchersAndPublicationPathsArePublic(RenderedChart chart) {
        Ingress publicIngress = chart.named(Ingress.class, "psirt-embargo-public");

        assertThat(Rules.routes(publicIngress))
                .extracting(r -> r.path() + " -> " + r.service().replace("psirt-embargo-", ""))
                .containsExactlyInAnyOrderElementsOf(PUBLIC_PATHS);
        assertThat(Rules.routes(publicIngress)).noneMatch(r -> r.path().startsWith("/q"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIngress")
    void staffApisAndTheConsoleAreOnAHostOfTheirOwnAndNothingElseIsThere(RenderedChart chart) {
        Ingress publicIngress = chart.named(Ingress.class, "psirt-embargo-public");
        Ingress staffIngress = chart.named(Ingress.class, "psirt-embargo-staff");

        assertThat(Rules.routes(staffIngress))
                .extracting(Rules.Route::host)
                .doesNotContainAnyElementsOf(
                        Rules.routes(publicIngress).stream().map(Rules.Route::host).toList());
        // The console's files are on the staff host too, so that it calls every staff API from its
        // own origin.
        assertThat(Rules.routes(staffIngress))
                .filteredOn(route -> !route.path().startsWith("/api/v1/"))
                .extracting(route -> route.path() + " -> " + route.service())
                .containsExactly("/console -> psirt-embargo-triage");
        assertThat(Rules.routes(staffIngress))
                .filteredOn(route -> route.path().startsWith("/api/v1/"))
                .allSatisfy(
                        route ->
                                assertThat(route.path())
                                        .doesNotStartWith("/api/v1/public")
                                        .isNotEqualTo("/api/v1/clock")
                                        .isNotEqualTo("/api/v1/reports"));
        assertThat(Rules.routes(staffIngress))
                .allSatisfy(route -> assertThat(route.pathType()).isEqualTo("Prefix"));
        assertThat(Rules.routes(staffIngress))
                .extracting(Rules.Route::service)
                .containsOnly(
                        "psirt-embargo-intake",
                        "psirt-embargo-triage",
                        "psirt-embargo-notify",
                        "psirt-embargo-advisory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withIngress")
    void noIngressRoutesHealthMetricsOrOpenApiNorAnyPortButTheApis(RenderedChart chart) {
        for (Ingress ingress : chart.all(Ingress.class)) {
            assertThat(Rules.routes(ingress))
                    .as(ingress.getMetadata().getName())
                    .isNotEmpty()
                    .allSatisfy(
                            route -> {
                                assertThat(route.path()).doesNotStartWith("/q");
                                assertThat(route.port()).isEqualTo("http");
                            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void healthMetricsAndOpenApiHaveAPortOfTheirOwnOnEveryServiceObject(RenderedChart chart) {
        for (Deployment deployment : chart.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getPorts())
                    .as(name)
                    .extracting(ContainerPort::getName)
                    .containsExactlyInAnyOrder("http", "management");
            int management =
                    container.getPorts().stream()
                            .filter(port -> port.getName().equals("management"))
                            .findFirst()
                            .orElseThrow()
                            .getContainerPort();
            assertThat(container.getEnv())
                    .as("%s is told its management port", name)
                    .anySatisfy(
                            env -> {
                                assertThat(env.getName()).endsWith("_MANAGEMENT_PORT");
                                assertThat(env.getValue()).isEqualTo(Integer.toString(management));
                            });
            assertThat(chart.named(Service.class, name).getSpec().getPorts())
                    .as(name)
                    .extracting(ServicePort::getName, port -> port.getTargetPort().getStrVal())
                    .containsExactlyInAnyOrder(
                            tuple("http", "http"), tuple("management", "management"));
        }
    }

    @Test
    void prometheusScrapesMetricsOnTheManagementPort() {
        List<GenericKubernetesResource> monitors =
                ValueSets.all().stream()
                        .flatMap(chart -> chart.custom("ServiceMonitor").stream())
                        .toList();

        assertThat(monitors).as("a value set with a ServiceMonitor").isNotEmpty();
        for (GenericKubernetesResource monitor : monitors) {
            Map<?, ?> spec = (Map<?, ?>) monitor.getAdditionalProperties().get("spec");
            assertThat((List<?>) spec.get("endpoints"))
                    .isNotEmpty()
                    .allSatisfy(
                            endpoint -> {
                                Map<?, ?> scraped = (Map<?, ?>) endpoint;
                                assertThat(scraped.get("port")).isEqualTo("management");
                                assertThat(scraped.get("path")).isEqualTo("/q/metrics");
                            });
        }
    }

    @Test
    void theStaffHostCanBeKeptBehindItsOwnAccessRules() {
        RenderedChart chart = RenderedChart.render("production");
        Ingress staff = chart.named(Ingress.class, "psirt-embargo-staff");
        Ingress open = chart.named(Ingress.class, "psirt-embargo-public");

        assertThat(staff.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/whitelist-source-range", "10.8.0.0/16");
        assertThat(open.getMetadata().getAnnotations())
                .doesNotContainKey("nginx.ingress.kubernetes.io/whitelist-source-range");
        assertThat(staff.getSpec().getTls().get(0).getSecretName()).isEqualTo("psirt-internal-tls");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withNetworkPolicies")
    void everyPodStartsFromDenyAllAndOnlyNotifyReachesBeyondTheInfrastructure(RenderedChart chart) {
        NetworkPolicy deny = chart.named(NetworkPolicy.class, "psirt-embargo-default-deny");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");

        for (String service : List.of("intake", "triage", "notify", "advisory")) {
            NetworkPolicy policy = chart.named(NetworkPolicy.class, "psirt-embargo-" + service);
            assertThat(policy.getSpec().getIngress())
                    .allSatisfy(
                            rule ->
                                    assertThat(rule.getFrom())
                                            .as("ingress from somewhere in particular")
                                            .isNotEmpty());
            // The ingress controller reaches the APIs only; Prometheus and helm tests the
            // management port only.
            assertThat(policy.getSpec().getIngress())
                    .extracting(
                            rule ->
                                    rule.getPorts().stream()
                                            .map(port -> port.getPort().getStrVal())
                                            .toList())
                    .containsExactly(List.of("http"), List.of("management"));
            List<NetworkPolicyPeer> anywhere =
                    policy.getSpec().getEgress().stream()
                            .flatMap(rule -> rule.getTo().stream())
                            .filter(
                                    peer ->
                                            peer.getIpBlock() != null
                                                    && peer.getIpBlock()
                                                            .getCidr()
                                                            .equals("0.0.0.0/0"))
                            .toList();
            if (service.equals("notify")) {
                assertThat(anywhere)
                        .singleElement()
                        .satisfies(
                                peer ->
                                        assertThat(peer.getIpBlock().getExcept())
                                                .contains(
                                                        "10.0.0.0/8",
                                                        "172.16.0.0/12",
                                                        "192.168.0.0/16"));
            } else {
                assertThat(anywhere).as(service).isEmpty();
            }
            assertThat(policy.getSpec().getEgress())
                    .allSatisfy(
                            (NetworkPolicyEgressRule rule) ->
                                    assertThat(rule.getPorts())
                                            .as("egress on named ports only")
                                            .isNotEmpty());
        }
    }
}
