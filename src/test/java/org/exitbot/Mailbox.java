package org.exitbot;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads interview links out of the mail GreenMail received. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("http://exitbot\\.test/i/([A-Za-z0-9_-]{43})");

    private Mailbox() {
    }

    public static MimeMessage lastTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessagesForDomain(address))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("No mail to " + address));
    }

    public static boolean hasMailTo(GreenMail smtp, String address) {
        return smtp.getReceivedMessagesForDomain(address).length > 0;
    }

    /** The HTML alternative of a mail. */
    public static String html(MimeMessage mail) {
        try {
            return html((jakarta.mail.Part) mail);
        } catch (Exception e) {
            throw new AssertionError("Cannot read the mail", e);
        }
    }

    private static String html(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = html(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The token of the interview link in a mail's body. */
    public static String token(MimeMessage mail) {
        Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        if (!matcher.find()) {
            throw new AssertionError("No interview link in the mail");
        }
        return matcher.group(1);
    }
}
