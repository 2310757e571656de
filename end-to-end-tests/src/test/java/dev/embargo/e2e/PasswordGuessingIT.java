package dev.embargo.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.embargo.e2e.support.EmbargoStack;
import dev.embargo.e2e.support.KeycloakAdmin;
import dev.embargo.e2e.support.RunningStack;
import dev.embargo.e2e.support.StaffTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing a staff password at Keycloak: after the realm's number of wrong passwords the account is
 * locked for a while, so that even the right password is refused; one typo locks nothing. Each test
 * logs in as a user of its own, so that no demo user other tests log in as is ever locked.
 */
@ExtendWith(EmbargoStack.class)
class PasswordGuessingIT {

    private static KeycloakAdmin keycloak;
    private static StaffTokens tokens;

    private String username;
    private String password;
    private String userId;

    @BeforeAll
    static void connect(RunningStack stack) {
        keycloak = stack.keycloakAdmin();
        tokens = stack.staffTokens();
    }

    @BeforeEach
    void createUser() {
        username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        password = "right-" + UUID.randomUUID();
        userId = keycloak.createUser(username, password);
    }

    @AfterEach
    void deleteUser() {
        keycloak.deleteUser(userId);
    }

    @Test
    void afterTheRealmsNumberOfWrongPasswordsEvenTheRightOneIsRefusedForAWhile() {
        tokens.login(username, password).then().statusCode(200);
        JsonPath realm = keycloak.realm();

        for (int guess = 1; guess <= realm.getInt("failureFactor"); guess++) {
            refused(tokens.login(username, "guess-" + guess));
        }
        refused(tokens.login(username, password));

        JsonPath lockout = keycloak.bruteForceStatus(userId);
        assertThat(lockout.getBoolean("disabled")).isTrue();
        // For a while, not for good: the account stays enabled and the lockout ends in minutes.
        assertThat(keycloak.user(userId).getBoolean("enabled")).isTrue();
        long now = Instant.now().getEpochSecond();
        assertThat(lockout.getLong("failedLoginNotBefore"))
                .isBetween(now + 1, now + realm.getLong("maxFailureWaitSeconds"));
    }

    @Test
    void oneMistypedPasswordLocksNothing() {
        refused(tokens.login(username, password + "x"));

        tokens.login(username, password).then().statusCode(200);
    }

    private static void refused(Response login) {
        login.then().statusCode(anyOf(is(400), is(401))).body("error", equalTo("invalid_grant"));
    }
}
