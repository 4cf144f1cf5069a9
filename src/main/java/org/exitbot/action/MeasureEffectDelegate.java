package org.exitbot.action;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
class MeasureEffectDelegate implements JavaDelegate {

    private final EffectMeasurement measurement;

    MeasureEffectDelegate(EffectMeasurement measurement) {
        this.measurement = measurement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariables(measurement.measure(ThemeActionProcess.actionId(execution)));
    }
}
