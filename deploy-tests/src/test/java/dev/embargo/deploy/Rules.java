package dev.embargo.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads what the rules are about out of a rendered chart: pod specs, containers, routes, secret
 * references.
 */
final class Rules {

    private Rules() {}

    record NamedPod(String owner, PodSpec spec) {}

    /** One path of an Ingress and the Service (and its port's name) it routes to. */
    record Route(String host, String path, String pathType, String service, String port) {}

    /** Every pod the release would run: the Deployments' templates and the helm test pods. */
    static List<NamedPod> pods(RenderedChart chart) {
        return Stream.concat(
                        chart.all(Deployment.class).stream()
                                .map(
                                        d ->
                                                new NamedPod(
                                                        d.getMetadata().getName(),
                                                        d.getSpec().getTemplate().getSpec())),
                        chart.all(Pod.class).stream()
                                .map(p -> new NamedPod(p.getMetadata().getName(), p.getSpec())))
                .toList();
    }

    static List<Container> containers(PodSpec spec) {
        return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream())
                .toList();
    }

    static List<Route> routes(Ingress ingress) {
        return ingress.getSpec().getRules().stream()
                .flatMap(
                        rule ->
                                rule.getHttp().getPaths().stream()
                                        .map(
                                                (HTTPIngressPath path) ->
                                                        new Route(
                                                                rule.getHost(),
                                                                path.getPath(),
                                                                path.getPathType(),
                                                                path.getBackend()
                                                                        .getService()
                                                                        .getName(),
                                                                path.getBackend()
                                                                        .getService()
                                                                        .getPort()
                                                                        .getName())))
                .toList();
    }

    static Set<String> secretNamesReferenced(RenderedChart chart) {
        Set<String> names = new TreeSet<>();
        for (NamedPod pod : pods(chart)) {
            for (Container container : containers(pod.spec())) {
                container.getEnv().stream()
                        .map(EnvVar::getValueFrom)
                        .filter(Objects::nonNull)
                        .map(source -> source.getSecretKeyRef())
                        .filter(Objects::nonNull)
                        .forEach(ref -> names.add(ref.getName()));
            }
        }
        return names;
    }
}
