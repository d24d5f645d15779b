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

    @GetMapping("/")
    ResponseEntity<Resource> chat() {
        return file("chat.html", HTML);
    }

    @GetMapping("/status")
    ResponseEntity<Resource> status() {
        return file("status.html", HTML);
    }

    @GetMapping("/openapi.json")
    ResponseEntity<Resource> openApi() {
        return file("openapi.json", MediaType.APPLICATION_JSON);
    }

    /** Revalidated on every load, so a new release shows at once. */
    private static ResponseEntity<Resource> file(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(new ClassPathResource(WEB_ROOT + name));
    }
}
