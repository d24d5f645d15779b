package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Any other call under {@code /admin}: a 404 that lists the admin actions there are, read from Spring MVC's own
 * mappings, so that an admin controller added later is listed without a word here. Being a handler, it is behind the
 * admin token like every admin action.
 */
@RestController
class AdminActionsController {
    private static final String PREFIX = "/admin";
    private static final String EVERY_PATH = PREFIX + "/**";

    /** Looked up when a call goes astray: the mappings are complete only once every controller is registered. */
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    AdminActionsController(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(EVERY_PATH)
    ResponseEntity<ProblemDetail> noSuchAction(HttpServletRequest request) {
        String action = request.getMethod() + " "
                + UrlPathHelper.defaultInstance.getPathWithinApplication(request).substring(PREFIX.length());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.problem(HttpStatus.NOT_FOUND.value(),
                "No admin action " + action + "; there are " + inWords(actions())));
    }

    /** Every mapped admin action as {@code METHOD /admin/path}, ordered by path, then method. */
    List<String> actions() {
        return mappings.getObject().getHandlerMethods().keySet().stream()
                .flatMap(AdminActionsController::actions)
                .sorted(Comparator.comparing((Map.Entry<String, String> action) -> action.getKey())
                        .thenComparing(Map.Entry::getValue))
                .map(action -> action.getValue() + " " + action.getKey())
                .toList();
    }

    /** Path and method of each of a mapping's admin actions. */
    private static Stream<Map.Entry<String, String>> actions(RequestMappingInfo mapping) {
        return mapping.getPatternValues().stream()
                .filter(path -> path.startsWith(PREFIX + "/") && !path.equals(EVERY_PATH))
                .flatMap(path -> mapping.getMethodsCondition().getMethods().stream()
                        .map(method -> Map.entry(path, method.name())));
    }

    private static String inWords(List<String> actions) {
        if (actions.size() < 2) {
            return String.join("", actions);
        }
        return String.join(", ", actions.subList(0, actions.size() - 1)) + " and " + actions.get(actions.size() - 1);
    }
}
