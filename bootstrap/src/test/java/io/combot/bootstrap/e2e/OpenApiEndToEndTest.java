package io.combot.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.combot.bootstrap.CombotServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code /openapi.json} true: every route the running service maps is documented, and every documented
 * operation is answered by a handler (called with a real session and a valid body, it is never 404 or 405).
 */
class OpenApiEndToEndTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @TempDir
    static Path dataDir;

    private static CombotServer server;
    private static Api api;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        server = InProcessService.start(dataDir, Map.of());
        api = new Api(server.port());
        Api.Reply reply = api.get("/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        document = reply.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentIsOpenApi3WithEveryReferenceResolved() {
        assertThat(document.get("openapi").asString()).startsWith("3.");
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(document.at(ref.substring(1)).isMissingNode())
                .as("%s resolves", ref).isFalse());
        assertThat(documented()).allSatisfy(operation -> assertThat(operation(operation).has("responses"))
                .as("%s has responses", operation).isTrue());
    }

    @Test
    void everyRouteOfTheServiceIsDocumented() {
        Set<String> mapped = mapped();

        assertThat(mapped).as("routes found in the running service").hasSizeGreaterThan(10);
        assertThat(documented()).containsAll(mapped);
    }

    @Test
    void everyDocumentedOperationIsAnswered() {
        for (String operation : documented()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String session = newSession();
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{sessionId}", session)
                    .replace("{model}", "combot-default").replace("{messageId}", replyIn(session));
            byte[] body = path.endsWith("/classify") ? "{\"text\": \"hello\"}".getBytes(StandardCharsets.UTF_8)
                    : "{\"content\": \"hello\"}".getBytes(StandardCharsets.UTF_8);

            Api.Reply reply = api.send(method, path, "application/json", method.equals("POST") ? body : new byte[0]);

            assertThat(reply.status()).as(operation).isNotIn(404, 405).isLessThan(500);
        }
    }

    /** "METHOD /path" for each route that Spring MVC maps. */
    private static Set<String> mapped() {
        RequestMappingHandlerMapping mapping = server.webContext().getBean(RequestMappingHandlerMapping.class);
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("%s names its methods", info).isNotEmpty();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        }
        return routes;
    }

    /** "METHOD /path" for each operation in the document. */
    private static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (HTTP_METHODS.contains(item.getKey())) {
                    operations.add(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    private static JsonNode operation(String operation) {
        String method = operation.substring(0, operation.indexOf(' ')).toLowerCase(Locale.ROOT);
        return document.get("paths").get(operation.substring(operation.indexOf(' ') + 1)).get(method);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asString());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    /** A reply stored in {@code session}: the message that feedback and labels name. */
    private static String replyIn(String session) {
        return api.postJson("/api/v1/sessions/" + session + "/messages", "{\"content\": \"hello\"}").json()
                .get("reply").get("id").asString();
    }

    private static String newSession() {
        return api.post("/api/v1/sessions", "application/json", "").json().get("id").asString();
    }
}
