package org.exitbot.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.exitbot.notify.HrNotificationProcess.Var;
import org.springframework.stereotype.Component;

/** One instance per configured channel, each a job of its own: Slack being down does not resend to Teams. */
@Component
class NotifyHrChannelDelegate implements JavaDelegate {

    private final HrChannelNotifier notifier;

    NotifyHrChannelDelegate(HrChannelNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifier.send(Channel.of((String) execution.getVariable(Var.CHANNEL)), HrNotificationProcess.request(execution));
    }
}
