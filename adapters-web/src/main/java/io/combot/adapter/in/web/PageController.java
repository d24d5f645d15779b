package io.combot.adapter.in.web;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two pages and the API's OpenAPI document, shipped as files in the jar (no build step). Their scripts and
 * styles are under {@code /assets/}, served by the resource handler.
 */
@RestController
class PageController {
    static final String WEB_ROOT = "web/";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    /**
     * The pages load their scripts, styles and data from this service alone, and no other site may frame them (a
     * framed chat page could be clicked through by a page the person never meant to use).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @GetMapping("/")
    ResponseEntity<Resource> chat() {
        return page("chat.html");
    }

    @GetMapping("/status")
    ResponseEntity<Resource> status() {
        return page("status.html");
    }

    @GetMapping("/openapi.json")
    ResponseEntity<Resource> openApi() {
        return file("openapi.json", MediaType.APPLICATION_JSON);
    }

    private static ResponseEntity<Resource> page(String name) {
        return response(HTML).header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .body(new ClassPathResource(WEB_ROOT + name));
    }

    private static ResponseEntity<Resource> file(String name, MediaType type) {
        return response(type).body(new ClassPathResource(WEB_ROOT + name));
    }

    /** Revalidated on every load, so a new release shows at once; its type is the one given, never sniffed. */
    private static ResponseEntity.BodyBuilder response(MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff");
    }
}
