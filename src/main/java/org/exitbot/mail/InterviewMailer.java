package org.exitbot.mail;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
    private final MailLedger ledger;
    private final MailTexts texts;
    private final ExitBotProperties properties;
    private final PrivacyProperties privacy;

    InterviewMailer(InterviewRepository interviews, InterviewLinks links, QuestionSetService questionSets,
            MailLedger ledger, MailTexts texts, ExitBotProperties properties, PrivacyProperties privacy) {
        this.interviews = interviews;
        this.links = links;
        this.questionSets = questionSets;
        this.ledger = ledger;
        this.texts = texts;
        this.properties = properties;
        this.privacy = privacy;
    }

    @Transactional(readOnly = true)
    public MailDelivery sendInvitation(UUID interviewId) {
        return send(interviews.findById(interviewId).orElseThrow(), "invitation");
    }

    /** Reminds the employee, unless they have finished, stopped or the window has closed meanwhile. */
    @Transactional(readOnly = true)
    public MailDelivery sendReminder(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (!interview.getStatus().isConversationOpen()) {
            log.info("No reminder for interview {}: it is {}", interviewId, interview.getStatus().code());
            return MailDelivery.NOT_DUE;
        }
        return send(interview, "reminder");
    }

    /**
     * Thanks an employee who finished the interview, says who sees the answers, and gives the link that erases
     * them. Nobody who stopped gets it: they asked for no more mail.
     */
    @Transactional(readOnly = true)
    public MailDelivery sendThankYou(UUID interviewId) {
        Interview interview = interviews.findById(interviewId).orElseThrow();
        if (interview.getStatus() != InterviewStatus.COMPLETED) {
            log.info("No thank-you mail for interview {}: it is {}", interviewId, interview.getStatus().code());
            return MailDelivery.NOT_DUE;
        }
        Context context = context(interview);
        context.setVariable("erasureLink", links.erasureUrl(interview).toString());
        context.setVariable("retentionDays", privacy.retention().toDays());
        String subject = texts.getMessage("mail.thanks.subject", new Object[] {properties.organisationName()},
                context.getLocale());
        var mail = new OutgoingMail(interview.getEmail(), subject, texts.process("text/thanks", context),
                texts.process("mail/thanks", context), null);
        return sendOnce(interview, "thanks", mail);
    }

    private Context context(Interview interview) {
        var context = new Context(Locale.forLanguageTag(interview.getLocale()));
        context.setVariable("organisation", properties.organisationName());
        context.setVariable("name", interview.getName());
        context.setVariable("anonymous", interview.getVisibility() == Visibility.ANONYMOUS);
        return context;
    }

    private MailDelivery send(Interview interview, String kind) {
        Locale locale = Locale.forLanguageTag(interview.getLocale());
        int questionCount = questionSets.byId(interview.getQuestionSetId()).size();
        Context context = context(interview);
        context.setVariable("link", links.url(interview).toString());
        context.setVariable("deadline", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(interview.getExpiresAt().atZone(properties.timeZone())));
        context.setVariable("questionCount", questionCount);
        context.setVariable("minutes", Math.max(5, questionCount * MINUTES_PER_QUESTION));
        context.setVariable("intro", texts.getMessage("mail." + kind + ".intro",
                new Object[] {properties.organisationName()}, locale));
        String subject = texts.getMessage("mail." + kind + ".subject",
                new Object[] {properties.organisationName()}, locale);
        var mail = new OutgoingMail(interview.getEmail(), subject, texts.process("text/interview", context),
                texts.process("mail/interview", context), null);
        return sendOnce(interview, kind, mail);
    }

    /** Demo interviews have made-up addresses: nothing is sent to them. */
    private MailDelivery sendOnce(Interview interview, String kind, OutgoingMail mail) {
        if (interview.isDemo()) {
            log.debug("No {} mail for interview {}: it is demo data", kind, interview.getId());
            return MailDelivery.NOT_DUE;
        }
        return ledger.sendOnce(interview.getId(), kind, mail);
    }
}
