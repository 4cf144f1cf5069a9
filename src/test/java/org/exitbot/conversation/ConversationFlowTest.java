package org.exitbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.exitbot.analysis.AnalysisService;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewProperties;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Message;
import org.exitbot.interview.MessageKind;
import org.exitbot.interview.NewInterview;
import org.exitbot.interview.QuestionThread;
import org.exitbot.interview.Transcripts;
import org.exitbot.interview.Visibility;
import org.exitbot.llm.LlmOutOfTimeException;
import org.exitbot.questions.Question;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.questions.QuestionSetView;
import org.exitbot.system.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

/** The decisions of the conversation, without an engine or a database: deadlines, follow-ups, answers. */
class ConversationFlowTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final Interview interview = new Interview(UUID.randomUUID(), new NewInterview("E-1", "Robin Example",
            "robin@private.test", "Engineering", null, null, LocalDate.of(2026, 12, 31), "en", "default", "attributed"),
            7L, Visibility.ATTRIBUTED, "hr", NOW);
    final UUID id = interview.getId();
    final InterviewRepository interviews = mock(InterviewRepository.class);
    final Transcripts transcripts = mock(Transcripts.class);
    final QuestionSetService questionSets = mock(QuestionSetService.class);
    final AnalysisService analyses = mock(AnalysisService.class);
    final FollowUpAdvisor advisor = mock(FollowUpAdvisor.class);
    final ScriptedFollowUpAdvisor scripted = mock(ScriptedFollowUpAdvisor.class);
    final BotMessages bot = mock(BotMessages.class);
    final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    ConversationFlowTest() {
        when(interviews.findById(id)).thenReturn(Optional.of(interview));
        when(questionSets.byId(7L)).thenReturn(new QuestionSetView(7L, "default", "en", 1, "Exit interview",
                List.of(new Question("reasons_for_leaving", "Why are you leaving?"), new Question("team", "And the team?")),
                null, NOW, "hr"));
    }

    @Test
    void theReminderGoesOutBeforeTheDeadlineUnlessThatIsWithinADayOfTheInvitation() {
        var usual = preparation(properties(Duration.ofDays(14), Duration.ofDays(3))).prepare(id);
        assertThat(usual.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(usual.reminderAt()).isEqualTo(NOW.plus(Duration.ofDays(11)));
        assertThat(usual.questionCount()).isEqualTo(2);

        var short_ = preparation(properties(Duration.ofHours(30), Duration.ofDays(1))).prepare(id);
        assertThat(short_.reminderAt()).as("past the expiry, where it never fires").isAfter(short_.expiresAt());
    }

    @Test
    void preparingIssuesTheLinkAndWelcomes() {
        var links = mock(InterviewLinks.class);
        var bot = mock(BotMessages.class);
        when(bot.welcome("en", 2)).thenReturn("Welcome!");
        new InterviewPreparation(interviews, links, questionSets, transcripts, bot,
                properties(Duration.ofDays(14), Duration.ofDays(3)), clock).prepare(id);
        verify(links).issue(interview, NOW, NOW.plus(Duration.ofDays(14)));
        verify(transcripts).add(id, MessageKind.WELCOME, null, null, "Welcome!", "bot");
    }

    @Test
    void aFollowUpTheLlmAdvisesIsPostedAndTheAnswerLeftToTheInterviewsAnalysis() {
        answered("It was the pay.");
        Instant by = NOW.plusSeconds(15);
        when(advisor.advise(eq(id), eq("en"), eq(1), eq(2), any(), eq(0), eq(2), eq(by)))
                .thenReturn("What would have been fair?");
        var decision = followUps().decide(id, 1, 2, 0, by);
        assertThat(decision).isEqualTo(FollowUpDecision.ask("What would have been fair?"));
        assertThat(followUps().record(id, 1, decision)).isEqualTo("What would have been fair?");
        verify(transcripts).add(id, MessageKind.FOLLOW_UP, 1, "reasons_for_leaving", "What would have been fair?", "bot");
        verifyNoInteractions(analyses);
    }

    @Test
    void noFollowUpWhenTheLlmAdvisesNone() {
        answered("Fine.");
        when(advisor.advise(any(), any(), anyInt(), anyInt(), any(), anyInt(), anyInt(), any())).thenReturn(null);
        var decision = followUps().decide(id, 1, 2, 1, NOW);
        assertThat(decision).isEqualTo(FollowUpDecision.none());
        assertThat(followUps().record(id, 1, decision)).isNull();
        verify(transcripts, never()).add(any(), any(), any(), any(), any(), any());
    }

    @Test
    void whenTheLlmHasNotStartedWithinTheBudgetTheBotMovesOnAndTheInterviewCountsIt() {
        answered("It was the pay.");
        when(advisor.advise(any(), any(), anyInt(), anyInt(), any(), anyInt(), anyInt(), any()))
                .thenThrow(new LlmOutOfTimeException("too slow"));
        when(bot.movingOn("en")).thenReturn("Let's go on.");
        var decision = followUps().decide(id, 1, 2, 0, NOW);
        assertThat(decision).isEqualTo(FollowUpDecision.outOfTimeDecision());
        assertThat(followUps().record(id, 1, decision)).isNull();
        verify(transcripts).add(id, MessageKind.FOLLOW_UP_SKIPPED, 1, "reasons_for_leaving", "Let's go on.", "bot");
        assertThat(interview.getFollowUpsOutOfTime()).isEqualTo(1);
        assertThat(interview.isLlmFallback()).as("a slow turn is no failure").isFalse();
    }

    @Test
    void anInterviewOnTheFallbackAsksTheLlmNothingMoreButFollowsUpFromTheScript() {
        answered("Fine.");
        interview.flagLlmFallback();
        var sayMore = FollowUpDecision.askScripted("Could you tell me a little more about that?");
        when(scripted.advise(interview, 1, 0)).thenReturn(sayMore);
        assertThat(followUps().decide(id, 1, 2, 0, NOW.plusSeconds(15))).isEqualTo(sayMore);
        verifyNoInteractions(advisor);
    }

    @Test
    void scriptedFollowUpsAndAcknowledgementsAreRecordedAsSuch() {
        answered("Fine.");
        assertThat(followUps().record(id, 1, FollowUpDecision.askScripted("Could you say more?")))
                .isEqualTo("Could you say more?");
        verify(transcripts).add(id, MessageKind.SCRIPTED_FOLLOW_UP, 1, "reasons_for_leaving", "Could you say more?",
                "bot");
        assertThat(followUps().record(id, 1, FollowUpDecision.acknowledge("Thank you."))).isNull();
        verify(transcripts).add(id, MessageKind.ACKNOWLEDGEMENT, 1, "reasons_for_leaving", "Thank you.", "bot");
    }

    @Test
    void continuingWithoutTheLlmFlagsTheInterviewAnalysesTheAnswerWithTheFallbackAndFollowsItUpFromTheScript() {
        var answer = answered("My manager never listened.");
        var probe = FollowUpDecision.askScripted("What could your manager have done differently to support you?");
        when(scripted.advise(interview, 1, 0)).thenReturn(probe);
        var followUps = followUps();
        assertThat(new ContinueWithScriptedFollowUps(interviews, transcripts, analyses, scripted, followUps)
                .continueWithout(id, 1, 0)).isEqualTo(probe.followUp());
        assertThat(interview.isLlmFallback()).isTrue();
        verify(analyses).recordAnswerWithoutLlm(answer, "en");
        verify(transcripts).add(id, MessageKind.SCRIPTED_FOLLOW_UP, 1, "reasons_for_leaving", probe.followUp(), "bot");
    }

    @Test
    void anAnswerIsStoredAsWrittenAndStartsTheInterview() {
        answered(null);
        conversation().recordEmployeeAction(id, 1, EmployeeAction.ANSWER, "  It was the pay.  ", "employee");
        verify(transcripts).add(id, MessageKind.ANSWER, 1, "reasons_for_leaving", "  It was the pay.  ", "employee");
        assertThat(interview.getStatus()).isEqualTo(InterviewStatus.IN_PROGRESS);
        assertThat(interview.getStartedAt()).isEqualTo(NOW);
    }

    @Test
    void anEmptyAnswerIsRefusedAndNothingStored() {
        answered(null);
        assertThatThrownBy(() -> conversation().recordEmployeeAction(id, 1, EmployeeAction.ANSWER, " ", "employee"))
                .isInstanceOf(InvalidInputException.class);
        verify(transcripts, never()).add(any(), any(), any(), any(), any(), any());
    }

    @Test
    void aFinishedInterviewTakesNoMoreActions() {
        interview.finish(InterviewStatus.STOPPED, NOW);
        assertThatThrownBy(() -> conversation().recordEmployeeAction(id, 1, EmployeeAction.SKIP, null, "employee"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCorrectedAnswerIsAnalysedAgainOnlyWhenItChanged() {
        when(transcripts.correct(id, 5L, "Better wording.")).thenReturn(true);
        when(transcripts.correct(id, 6L, "Same.")).thenReturn(false);
        conversation().correctAnswer(id, 5L, "Better wording.");
        conversation().correctAnswer(id, 6L, "Same.");
        verify(analyses).forgetAnswer(5L);
        verify(analyses, never()).forgetAnswer(6L);
    }

    private Message answered(String text) {
        var question = new Message(id, MessageKind.QUESTION, 1, "reasons_for_leaving", "Why are you leaving?", "bot", NOW);
        var answer = new Message(id, MessageKind.ANSWER, 1, "reasons_for_leaving", text == null ? "" : text, "employee",
                NOW);
        var messages = text == null ? List.of(question) : List.of(question, answer);
        when(transcripts.thread(id, 1)).thenReturn(new QuestionThread(1, "reasons_for_leaving", messages));
        return answer;
    }

    private InterviewPreparation preparation(InterviewProperties properties) {
        return new InterviewPreparation(interviews, mock(InterviewLinks.class), questionSets, transcripts,
                mock(BotMessages.class), properties, clock);
    }

    private FollowUps followUps() {
        return new FollowUps(interviews, transcripts, advisor, scripted,
                properties(Duration.ofDays(14), Duration.ofDays(3)), bot, events);
    }

    private ConversationService conversation() {
        return new ConversationService(interviews, transcripts, questionSets, analyses,
                properties(Duration.ofDays(14), Duration.ofDays(3)), events, clock);
    }

    private static InterviewProperties properties(Duration window, Duration reminderBefore) {
        return new InterviewProperties(2, 5000, window, reminderBefore, "default", Visibility.ATTRIBUTED,
                Duration.ofDays(7));
    }
}
