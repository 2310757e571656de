package dev.embargo.e2e.support;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;

/**
 * The staff console as a person uses it: opened in the browser, signed in on Keycloak's own login
 * page.
 */
public final class StaffConsole {

    private StaffConsole() {}

    /** Triage serves the console; every demo user's password is their user name. */
    public static Page signIn(Chromium chromium, RunningStack stack, String username) {
        Page page = chromium.newPage();
        page.navigate(stack.serviceUrl("triage") + "/console/");
        // The console sends the browser to Keycloak (authorization code flow with PKCE) ...
        page.waitForURL(
                Pattern.compile(
                        ".*/realms/embargo/protocol/openid-connect/auth\\?.*code_challenge_method=S256.*"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username);
        page.locator("#kc-login").click();
        // ... and Keycloak sends it back with a code the console exchanges for tokens.
        page.waitForURL(Pattern.compile(".*/console/.*"));
        page.locator("#sign-out").waitFor();
        return page;
    }
}
