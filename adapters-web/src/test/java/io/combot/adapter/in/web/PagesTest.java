package io.combot.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The chat and status pages tell the browser to run only this service's scripts and to let no site frame them. */
class PagesTest {
    private final MockMvc mvc = new WebStack().mvc();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/status"})
    void eachPageSendsItsSecurityHeaders(String path) throws Exception {
        MockHttpServletResponse page = mvc.perform(get(path)).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'none'")
                .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
