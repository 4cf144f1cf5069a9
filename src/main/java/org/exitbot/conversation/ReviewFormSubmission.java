package org.exitbot.conversation;

import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.exitbot.system.FieldError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks the correction of the analysis when HR submits the review form (Tasklist, {@code /engine-rest}'s
 * {@code submit-form}), before the task completes: a bad one is refused as a form field's validation, which both
 * REST APIs answer with 400 and Tasklist shows. A task listener's refusal would reach them as a 500, since the
 * engine wraps what listeners throw; {@link RecordCorrectionsListener} still refuses it on the Java API.
 */
@Component
class ReviewFormSubmission extends AbstractProcessEnginePlugin {

    private final ObjectProvider<CorrectionForm> correctionForm;

    ReviewFormSubmission(ObjectProvider<CorrectionForm> correctionForm) {
        this.correctionForm = correctionForm;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getId().equals(ExitInterviewProcess.REVIEW_TASK)
                        && activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                        && ExitInterviewProcess.KEY.equals(definition.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    var task = userTask.getTaskDefinition();
                    task.setTaskFormHandler(new Checked(task.getTaskFormHandler()));
                }
            }
        });
    }

    private final class Checked implements TaskFormHandler {

        private final TaskFormHandler form;

        Checked(TaskFormHandler form) {
            this.form = form;
        }

        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            return form.createTaskForm(task);
        }

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment,
                ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
            form.parseConfiguration(element, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(VariableMap submitted, VariableScope task) {
            var variables = new HashMap<>(task.getVariables());
            variables.putAll(submitted);
            List<FieldError> problems = correctionForm.getObject()
                    .problems(ExitInterviewProcess.interviewId(task), variables);
            if (!problems.isEmpty()) {
                throw new FormFieldValidationException(problems, CorrectionForm.refusal(problems));
            }
            form.submitFormVariables(submitted, task);
        }
    }
}
