package io.combot.adapter.in.web;

/**
 * @param token the secret that opens {@code /admin/**}; null: the admin endpoints refuse every call. Bootstrap reads
 *              and checks it ({@code COMBOT_ADMIN_TOKEN}).
 */
public record AdminSettings(String token) {
    public boolean enabled() {
        return token != null;
    }

    /** Keeps the token out of logs. */
    @Override
    public String toString() {
        return "AdminSettings[" + (enabled() ? "enabled" : "disabled") + "]";
    }
}
