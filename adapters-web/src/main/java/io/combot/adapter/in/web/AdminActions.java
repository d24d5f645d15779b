package io.combot.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The 404 for a call under them that no controller maps (or not with that method), which lists
 * the admin actions there are. The list is read from Spring MVC's own mappings, so that an admin controller added
 * later is listed without a word here.
 */
final class AdminActions {
    private static final String PREFIX = Perimeter.ADMIN_PREFIX;

    private AdminActions() {
    }

    /** Whether the request is under {@code /admin}, by the container's decoded and normalised path. */
    static boolean covers(HttpServletRequest request) {
        return Perimeter.isAdmin(path(request));
    }

    static ProblemDetail notFound(HttpServletRequest request, RequestMappingHandlerMapping mappings) {
        String action = request.getMethod() + " " + path(request).substring(PREFIX.length());
        return Problems.problem(HttpStatus.NOT_FOUND.value(),
                "No admin action " + action + "; there are " + inWords(actions(mappings)));
    }

    /** Every mapped admin action as {@code METHOD /admin/path}, ordered by path, then method. */
    private static List<String> actions(RequestMappingHandlerMapping mappings) {
        return mappings.getHandlerMethods().keySet().stream()
                .flatMap(AdminActions::actions)
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(action -> action.getValue() + " " + action.getKey())
                .toList();
    }

    /** Path and method of each of a mapping's admin actions. */
    private static Stream<Map.Entry<String, String>> actions(RequestMappingInfo mapping) {
        return mapping.getPatternValues().stream()
                .filter(path -> path.startsWith(PREFIX + "/"))
                .flatMap(path -> mapping.getMethodsCondition().getMethods().stream()
                        .map(method -> Map.entry(path, method.name())));
    }

    private static String inWords(List<String> actions) {
        if (actions.size() < 2) {
            return String.join("", actions);
        }
        return String.join(", ", actions.subList(0, actions.size() - 1)) + " and " + actions.get(actions.size() - 1);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
