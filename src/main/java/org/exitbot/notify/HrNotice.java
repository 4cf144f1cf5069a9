package org.exitbot.notify;

import java.net.URI;

/** One message to HR's channel, the same in Slack and Teams: counts and a link, never a person's data. */
record HrNotice(String headline, String text, String linkLabel, URI link) {
}
