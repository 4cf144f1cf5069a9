package org.exitbot.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exitbot.load.PageState.PageMessage;

/**
 * What one finished conversation says about itself, from the transcript the chat API shows and the answers the
 * client had accepted.
 *
 * @param overheadMillis for every answer the bot replied to: from the answer's timestamp to the bot's next
 *                       message (not its closing words), both as the transcript records them
 * @param lost           accepted answers the transcript does not hold
 * @param duplicated     answers the transcript holds more often than they were sent
 */
record TranscriptFigures(List<Long> overheadMillis, int sent, int stored, int lost, int duplicated) {

    static TranscriptFigures of(List<PageMessage> transcript, List<String> sentAnswers) {
        List<PageMessage> messages = transcript.stream().sorted(Comparator.comparingLong(PageMessage::id)).toList();
        var overhead = new ArrayList<Long>();
        for (int i = 0; i < messages.size(); i++) {
            if (!messages.get(i).isAnswer()) {
                continue;
            }
            for (int j = i + 1; j < messages.size(); j++) {
                PageMessage next = messages.get(j);
                if (!next.fromBot()) {
                    break;
                }
                if (!"closing".equals(next.kind())) {
                    overhead.add(Duration.between(messages.get(i).at(), next.at()).toMillis());
                    break;
                }
            }
        }
        Map<String, Integer> balance = new HashMap<>();
        sentAnswers.forEach(text -> balance.merge(text, 1, Integer::sum));
        int stored = 0;
        for (PageMessage message : messages) {
            if (message.isAnswer()) {
                balance.merge(message.text(), -1, Integer::sum);
                stored++;
            }
        }
        int lost = balance.values().stream().filter(b -> b > 0).mapToInt(Integer::intValue).sum();
        int duplicated = balance.values().stream().filter(b -> b < 0).mapToInt(b -> -b).sum();
        return new TranscriptFigures(List.copyOf(overhead), sentAnswers.size(), stored, lost, duplicated);
    }
}
