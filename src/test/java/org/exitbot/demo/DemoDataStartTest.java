package org.exitbot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** EXITBOT_DEMO_DATA loads once the app is up, without holding up the start; off, nothing loads. */
class DemoDataStartTest {

    private final DemoData demoData = mock(DemoData.class);

    @Test
    void onLoadsInTheBackgroundWithoutHoldingUpTheStart() throws Exception {
        var startReturned = new CountDownLatch(1);
        var loadSawTheStartReturn = new CompletableFuture<Boolean>();
        when(demoData.load()).thenAnswer(invocation -> {
            loadSawTheStartReturn.complete(startReturned.await(5, TimeUnit.SECONDS));
            return DemoData.Outcome.LOADED;
        });

        new DemoDataStart(demoData, new DemoProperties(true, 150)).loadInBackground();
        startReturned.countDown();

        assertThat(loadSawTheStartReturn.get(10, TimeUnit.SECONDS)).as("the start returned while loading").isTrue();
        verify(demoData).load();
    }

    @Test
    void offLoadsNothing() {
        new DemoDataStart(demoData, new DemoProperties(false, 150)).loadInBackground();

        verify(demoData, after(200).never()).load();
    }
}
