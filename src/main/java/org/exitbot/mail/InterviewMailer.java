package org.exitbot.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import org.exitbot.interview.Interview;
import org.exitbot.interview.InterviewLinks;
import org.exitbot.interview.InterviewRepository;
import org.exitbot.interview.InterviewStatus;
import org.exitbot.interview.Visibility;
import org.exitbot.privacy.PrivacyProperties;
import org.exitbot.questions.QuestionSetService;
import org.exitbot.system.ExitBotProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The invitation, the reminder and the thank-you, in the interview's language, as text and HTML; each at most once
 * per interview ({@link MailLedger}).
 */
@Service
public class InterviewMailer {

    private static final Logger log = LoggerFactory.getLogger(InterviewMailer.class);
    private static final int MINUTES_PER_QUESTION = 3;

    private final InterviewRepository interviews;
    private final InterviewLinks links;
    private final QuestionSetService questionSets;
    private final MailTransport transport;
    private final MailLedger ledger;
    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ExitBotProperties properties;
    private final PrivacyProperties privacy;
    private final ZoneId zone;

    InterviewMailer(InterviewRepository interviews, InterviewLinks links, QuestionSetService questionSets,
            MailTransport transport, MailLedger ledger, ITemplateEngine templates, MessageSource messages,
            ExitBotProperties properties, PrivacyProperties privacy, @Value("${exitbot.time-zone:UTC}") ZoneId zone) {
        this.interviews = interviews;
        this.links = links;
        this.questionSets = questionSets;
        this.transport = transport;
        this.ledger = ledger;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.privacy = privacy;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public MailLedger.Delivery sendInvitation(UUID interviewId) {
        return send(interviews.findById(interviewId).orElseThrow(), "invitation");
    }

    /** Reminds the employee, unless they have finished, stopped or the window has closed meanwhile. */
    @Transactional(readOnly = true)
    public MailLedger.Delivery sendReminder(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (!interview.getStatus().isConversationOpen()) {
            log.info("No reminder for interview {}: it is {}", interviewId, interview.getStatus().code());
            return MailLedger.Delivery.NOT_DUE;
        }
        return send(interview, "reminder");
    }

    /**
     * Thanks an employee who finished the interview, says who sees the answers, and gives the link that erases
     * them. Nobody who stopped gets it: they asked for no more mail.
     */
    @Transactional(readOnly = true)
    public MailLedger.Delivery sendThankYou(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (interview.getStatus() != InterviewStatus.COMPLETED) {
            log.info("No thank-you mail for interview {}: it is {}", interviewId, interview.getStatus().code());
            return MailLedger.Delivery.NOT_DUE;
        }
        Context context = context(interview);
        context.setVariable("erasureLink", links.erasureUrl(interview).toString());
        context.setVariable("retentionDays", privacy.retention().toDays());
        String subject = messages.getMessage("mail.thanks.subject", new Object[] {properties.organisationName()},
                context.getLocale());
        var mail = new OutgoingMail(interview.getEmail(), subject, templates.process("text/thanks", context),
                templates.process("mail/thanks", context));
        return ledger.sendOnce(interview.getId(), "thanks", () -> transport.send(mail));
    }

    private Context context(Interview interview) {
        var context = new Context(Locale.forLanguageTag(interview.getLocale()));
        context.setVariable("organisation", properties.organisationName());
        context.setVariable("name", interview.getName());
        context.setVariable("anonymous", interview.getVisibility() == Visibility.ANONYMOUS);
        return context;
    }

    private MailLedger.Delivery send(Interview interview, String kind) {
        Locale locale = Locale.forLanguageTag(interview.getLocale());
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        Context context = context(interview);
        context.setVariable("link", links.url(interview).toString());
        context.setVariable("deadline", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(interview.getExpiresAt().atZone(zone)));
        context.setVariable("questionCount", questionCount);
        context.setVariable("minutes", Math.max(5, questionCount * MINUTES_PER_QUESTION));
        context.setVariable("intro", messages.getMessage("mail." + kind + ".intro",
                new Object[] {properties.organisationName()}, locale));
        String subject = messages.getMessage("mail." + kind + ".subject",
                new Object[] {properties.organisationName()}, locale);
        var mail = new OutgoingMail(interview.getEmail(), subject, templates.process("text/interview", context),
                templates.process("mail/interview", context));
        return ledger.sendOnce(interview.getId(), kind, () -> transport.send(mail));
    }
}
