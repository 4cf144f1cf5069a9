package org.exitbot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait after failed logins: none for the free ones, then five seconds doubling, never more than the longest. */
class LoginThrottleSettingsTest {

    private final LoginThrottleSettings settings = new LoginThrottleSettings(5, 20, Duration.ofMinutes(5));

    @Test
    void theWaitDoublesFromFiveSecondsUpToTheLongest() {
        assertThat(settings.waitAfter(4, 5)).isZero();
        assertThat(settings.waitAfter(5, 5)).hasSeconds(5);
        assertThat(settings.waitAfter(6, 5)).hasSeconds(10);
        assertThat(settings.waitAfter(9, 5)).hasSeconds(80);
        assertThat(settings.waitAfter(11, 5)).hasSeconds(300);
        assertThat(settings.waitAfter(Integer.MAX_VALUE, 5)).as("never for good").hasSeconds(300);
    }

    @Test
    void failuresAreForgottenAfterAnHourOrTwiceTheLongestWait() {
        assertThat(settings.forgetAfter()).hasHours(1);
        assertThat(new LoginThrottleSettings(5, 20, Duration.ofHours(2)).forgetAfter()).hasHours(4);
    }

    @Test
    void nonsenseSettingsStopTheStart() {
        assertThatThrownBy(() -> new LoginThrottleSettings(0, 20, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LoginThrottleSettings(5, 20, Duration.ofSeconds(1)))
                .hasMessageContaining("EXITBOT_LOGIN_LONGEST_WAIT");
    }
}
