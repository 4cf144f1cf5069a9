package org.exitbot.notify;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.exitbot.system.EngineAsApp;
import org.junit.jupiter.api.Test;

class HrNotificationsTest {

    final RuntimeService runtimeService = mock(RuntimeService.class);
    final RepositoryService repositoryService = mock(RepositoryService.class);
    final HistoryService historyService = mock(HistoryService.class);
    final EngineAsApp engineAsApp = mock(EngineAsApp.class);

    @Test
    void withoutAChannelNoNotificationProcessStarts() {
        var notifications = new HrNotifications(new HrChannels(new NotifyProperties("", "")), runtimeService,
                repositoryService, historyService, engineAsApp, Clock.systemUTC());

        notifications.reviewWaiting();
        notifications.incidentRaised("exit-interview:1:1", "Task_SendInvitation");

        verifyNoInteractions(runtimeService, repositoryService, historyService, engineAsApp);
    }
}
