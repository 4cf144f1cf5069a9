package org.exitbot.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.exitbot.load.ChatPage.Source;
import org.exitbot.load.EventDelivery.Sighting;
import org.exitbot.load.PageState.PageMessage;

/**
 * One interview from start to finish through the public HTTP API: HR starts it ({@code POST /api/interviews},
 * HTTP Basic), the employee takes the link from the invitation mail, opens the chat page, consents, answers every
 * question and follow-up, and finishes after the review step and the summary check. Requests that fail are retried as a person would
 * (after looking at the page, so nothing is sent twice that already arrived).
 */
final class InterviewClient {

    private static final Duration RETRY = Duration.ofSeconds(1);
    static final String DOMAIN = ".bench.test";

    /** One answer and what followed it. */
    record Turn(int questionNumber, String answered, Instant posted, Instant accepted, Instant nextSeen,
            String nextKind, Instant firstDraft) {
    }

    /** Everything the client saw of its interview. */
    record Result(int index, String address, Instant started, Instant invited, Instant finished, List<Turn> turns,
            List<String> sentAnswers, List<PageMessage> transcript, Map<Long, Sighting> followUpsSeen,
            List<Instant> stateEvents, String failure) {

        boolean completed() {
            return finished != null;
        }
    }

    private final int index;
    private final String address;
    private final LoadOptions options;
    private final HttpClient http;
    private final Router router;
    private final Traffic traffic;
    private final ScheduledExecutorService timers;
    private final MailWatcher mail;
    private final AnswerBook.Employee employee;
    private final String hrAuthorization;
    private final Instant deadline;
    private final Map<Long, Sighting> followUpsSeen = new ConcurrentHashMap<>();
    private final List<Turn> turns = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private Instant started;
    private Instant invited;
    private Instant finished;
    private ChatPage page;

    /** The address of the {@code index}th leaver of a run: unique to the run, so mail is counted per run. */
    static String address(int index, String runId) {
        return "leaver-" + index + "@" + runId + DOMAIN;
    }

    InterviewClient(int index, String runId, LoadOptions options, HttpClient http, Router router, Traffic traffic,
            ScheduledExecutorService timers, MailWatcher mail, AnswerBook.Employee employee, String hrPassword,
            Instant deadline) {
        this.index = index;
        this.address = address(index, runId);
        this.options = options;
        this.http = http;
        this.router = router;
        this.traffic = traffic;
        this.timers = timers;
        this.mail = mail;
        this.employee = employee;
        this.hrAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (NodeLauncher.HR_USER + ":" + hrPassword).getBytes(StandardCharsets.UTF_8));
        this.deadline = deadline;
    }

    Result run() {
        String failure = null;
        List<PageMessage> transcript = List.of();
        try {
            started = Instant.now();
            startInterview();
            MailWatcher.Invitation invitation = mail.invitation(address)
                    .get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
            invited = invitation.arrivedAt();
            page = new ChatPage(http, router, router.home(index), traffic, timers, invitation.token(),
                    options.requestTimeout(), this::shown);
            page.open();
            converse();
            transcript = finalState().messages();
        } catch (TimeoutException e) {
            failure = "not finished within the run's timeout";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            failure = e.toString();
        } finally {
            if (page != null) {
                page.close();
            }
        }
        if (failure != null && page != null) {
            try {
                transcript = finalState().messages();
            } catch (Exception e) {
                // the transcript stays unknown
            }
        }
        return new Result(index, address, started, invited, finished, List.copyOf(turns), List.copyOf(sent), transcript,
                Map.copyOf(followUpsSeen), page == null ? List.of() : page.stateEvents(), failure);
    }

    private void startInterview() throws IOException, InterruptedException, TimeoutException {
        String body = ChatPage.JSON.writeValueAsString(Map.of("employeeId", address.replace('@', '-'),
                "name", "Leaver " + index, "email", address, "department", "Department " + (index % 8),
                "lastWorkingDay", LocalDate.now().plusDays(14).toString()));
        AppNode node = router.home(index);
        while (true) {
            checkDeadline();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(node.uri("/api/interviews"))
                        .timeout(options.requestTimeout()).header("Authorization", hrAuthorization)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                traffic.status(response.statusCode());
                // 409: an earlier attempt, whose answer was lost, started it
                if (response.statusCode() == 201 || response.statusCode() == 409) {
                    return;
                }
            } catch (IOException e) {
                traffic.connectionFailed();
                node = router.after(node);
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    private void converse() throws Exception {
        PageState state = page.await(s -> true, deadline).state();
        if (state.open() && !state.consented()) {
            Map<String, String> consent = state.visibilityChoice() ? Map.of("visibility", state.visibility()) : Map.of();
            act("/consent", consent, s -> s.consented() || !s.open());
        }
        while (true) {
            state = page.await(s -> !s.open() || s.awaiting() != null, deadline).state();
            if (!state.open()) {
                throw new IllegalStateException("the interview ended before the employee finished: " + state.status());
            }
            if (state.awaiting().isReview()) {
                act("/finish", Map.of(), s -> !s.open() || s.awaiting() == null || s.awaiting().isSummary());
                continue;
            }
            if (state.awaiting().isSummary()) {
                act("/summary/confirm", Map.of("version", state.summary().version()), s -> !s.open());
                finished = Instant.now();
                traffic.interviewFinished();
                return;
            }
            answer(state.awaiting());
        }
    }

    private void answer(PageState.Awaiting awaiting) throws Exception {
        String text = employee.answer(awaiting.questionNumber());
        if (!options.thinkTime().isZero()) {
            Thread.sleep(options.thinkTime().toMillis());
        }
        page.takeFirstDraft();
        Instant posted = Instant.now();
        PageState accepted = act("/messages", Map.of("text", text, "inReplyTo", awaiting.messageId()),
                s -> s.answer(text) != null);
        Instant acceptedAt = Instant.now();
        sent.add(text);
        traffic.answerAccepted();
        long answerId = accepted.answer(text).id();
        ChatPage.Shown shown = page.await(s -> !s.open() || s.awaiting() != null
                && (s.awaiting().isReview() || s.lastPrompt() != null && s.lastPrompt().id() > answerId), deadline);
        PageState next = shown.state();
        Instant seen = shown.at();
        String nextKind = !next.open() ? next.status() : next.awaiting().isReview() ? "review" : next.lastPrompt().kind();
        turns.add(new Turn(awaiting.questionNumber(), awaiting.kind(), posted, acceptedAt, seen, nextKind,
                page.takeFirstDraft()));
    }

    /**
     * Sends one of the page's actions until the page shows that it took effect. After an error or a lost answer
     * the page is reloaded first, so an action that did arrive is not sent again.
     */
    private PageState act(String path, Object body, Predicate<PageState> done) throws Exception {
        while (true) {
            checkDeadline();
            try {
                ChatPage.Answer answer = page.act("POST", path, body);
                if (answer.ok()) {
                    PageState state = answer.state();
                    if (done.test(state)) {
                        return state;
                    }
                } else if (answer.status() == 429) {
                    Thread.sleep(RETRY.toMillis());
                }
            } catch (IOException e) {
                // reloaded below, on the next node if this one is gone
            }
            Thread.sleep(RETRY.toMillis());
            PageState now = reloadUntilItAnswers();
            if (done.test(now)) {
                return now;
            }
            // not there: wait until the page asks for it again, then send it again
            page.await(s -> !s.open() || s.awaiting() != null || !s.consented(), deadline);
        }
    }

    private PageState reloadUntilItAnswers() throws InterruptedException, TimeoutException {
        while (true) {
            checkDeadline();
            try {
                return page.reload();
            } catch (IOException e) {
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    /** The transcript once the conversation is over, from whichever node answers. */
    private PageState finalState() throws InterruptedException, TimeoutException {
        return reloadUntilItAnswers();
    }

    private void shown(PageState state, Source source, Instant eventAt) {
        Instant now = Instant.now();
        for (PageMessage message : state.messages()) {
            if (message.isFollowUp()) {
                followUpsSeen.putIfAbsent(message.id(), new Sighting(now, source == Source.EVENT));
            }
        }
    }

    private void checkDeadline() throws TimeoutException {
        if (Instant.now().isAfter(deadline)) {
            throw new TimeoutException("past the run's timeout");
        }
    }
}
