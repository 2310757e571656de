package dev.embargo.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of a Kubernetes API server for Helm's {@code lookup}: discovery and reading Secrets.
 * helm-java renders like {@code helm install --dry-run}, which asks the cluster in KUBECONFIG; the
 * chart looks up its generated Secrets so that an upgrade keeps their values, and this lets a test
 * play both a fresh cluster and one where a release already lives. Surefire points KUBECONFIG at
 * the file {@link #start()} writes.
 */
final class FakeKubernetesApi {

    private static FakeKubernetesApi instance;

    /** Secret JSON by "namespace/name". */
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    private FakeKubernetesApi() {}

    static synchronized FakeKubernetesApi start() {
        if (instance != null) {
            return instance;
        }
        FakeKubernetesApi api = new FakeKubernetesApi();
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", api::answer);
            server.setExecutor(null);
            server.start();
            String kubeconfig = System.getenv("KUBECONFIG");
            if (kubeconfig == null || kubeconfig.isBlank()) {
                throw new IllegalStateException(
                        "KUBECONFIG must name the file the fake API writes (set by surefire)");
            }
            Path file = Path.of(kubeconfig);
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster: {server: "http://127.0.0.1:%d"}
                    users:
                      - name: fake
                        user: {token: not-a-secret}
                    contexts:
                      - name: fake
                        context: {cluster: fake, user: fake, namespace: embargo}
                    current-context: fake
                    """
                            .formatted(server.getAddress().getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        instance = api;
        return api;
    }

    void putSecret(String namespace, String name, String json) {
        secrets.put(namespace + "/" + name, json);
    }

    void clear() {
        secrets.clear();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/version")) {
            send(
                    exchange,
                    200,
                    """
                    {"major":"1","minor":"31","gitVersion":"v1.31.0","platform":"linux/amd64"}\
                    """);
        } else if (path.equals("/api")) {
            send(
                    exchange,
                    200,
                    """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}\
                    """);
        } else if (path.equals("/apis")) {
            send(
                    exchange,
                    200,
                    """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[]}\
                    """);
        } else if (path.equals("/api/v1")) {
            send(
                    exchange,
                    200,
                    """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[
                     {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]},
                     {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["get","list"]}]}\
                    """);
        } else if (path.matches("/api/v1/namespaces/[^/]+/secrets/[^/]+")) {
            String[] parts = path.split("/");
            String secret = secrets.get(parts[4] + "/" + parts[6]);
            if (secret == null) {
                send(
                        exchange,
                        404,
                        """
                        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,
                         "details":{"name":"%s","kind":"secrets"},"message":"secrets \\"%s\\" not found"}\
                        """
                                .formatted(parts[6], parts[6]));
            } else {
                send(exchange, 200, secret);
            }
        } else {
            send(
                    exchange,
                    404,
                    """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}\
                    """);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
