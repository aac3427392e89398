package org.regionalexchange.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The canonical forms as docs/dpo-guide.md defines them, with the guide's own example. */
class StoredEventTest {

    private static StoredEvent row(int version, String outcome, String prevHash, String contentDigest) {
        return new StoredEvent(42, Instant.parse("2026-03-01T09:15:02.123456Z"), "tj", "test.liar@tj-mia", "TJ-MIA",
                "RECORD_READ", null, outcome, null, null, null, null, null, null, null, null, null, null, null,
                prevHash, null, 3, version, contentDigest);
    }

    @Test
    @DisplayName("the guide's example row of form 2; result: the guide's content text and content digest")
    void formTwoContentIsTheGuidesExample() {
        StoredEvent row = row(2, "OK", StoredEvent.GENESIS, null);
        assertEquals("""
                access-log-content-v2
                occurred_at=27:2026-03-01T09:15:02.123456Z
                node_id=2:tj
                actor=16:test.liar@tj-mia
                agency=6:TJ-MIA
                action=11:RECORD_READ
                record_id=-
                outcome=2:OK
                reason_codes=-
                request_id=-
                counterpart_node=-
                counterpart_party=-
                holder_agency=-
                purpose=-
                categories=-
                justification=-
                justification_fingerprint=-
                request_digest=-
                response_digest=-
                """, row.contentCanonical());
        assertEquals("1781d36d90def068892cd20d2c2521bee729328fab99b2c9ec3ed1bb9145726e", row.computeContentDigest());
        assertNotEquals(row.computeContentDigest(), row(2, "REFUSED", StoredEvent.GENESIS, null).computeContentDigest());
    }

    @Test
    @DisplayName("a row of each form; result: form 1 hashes the whole row, form 2 the link of previous hash, id and content digest")
    void hashByVersion() {
        String digest = "1781d36d90def068892cd20d2c2521bee729328fab99b2c9ec3ed1bb9145726e";
        StoredEvent two = row(2, "OK", StoredEvent.GENESIS, digest);
        assertEquals("access-log-v2\nprev_hash=" + StoredEvent.GENESIS + "\nid=42\ncontent_digest=" + digest + "\n",
                two.link());
        assertEquals(StoredEvent.sha256(two.link()), two.computeHash());
        StoredEvent one = row(1, "OK", StoredEvent.GENESIS, null);
        assertEquals(StoredEvent.sha256(one.canonical()), one.computeHash());
        assertEquals("access-log-v1\nprev_hash=64:" + StoredEvent.GENESIS + "\nid=2:42\n"
                + one.contentCanonical().substring("access-log-content-v2\n".length()), one.canonical());
        assertThrows(IllegalStateException.class, () -> row(3, "OK", StoredEvent.GENESIS, null).computeHash());
    }
    @Test
    @DisplayName("every char alone, every surrogate pair's ends, mixed texts; result: the length counted is the UTF-8 encoding's length")
    void utf8LengthAsEncoded() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            assertEquals(one.getBytes(StandardCharsets.UTF_8).length, StoredEvent.utf8Length(one), "char " + c);
        }
        for (String text : new String[] {"", "Рахими Ахмад", "Kunduz \uD83D\uDE00 end", "\uD83D", "x\uDE00y",
                "\uDE00\uD83D", "\uD83D\uD83D\uDE00", "\uD83D\uDE00\uDE00"}) {
            assertEquals(text.getBytes(StandardCharsets.UTF_8).length, StoredEvent.utf8Length(text), text);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x800) : random.nextInt(Character.MAX_VALUE + 1)));
            }
            String s = text.toString();
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, StoredEvent.utf8Length(s));
        }
    }

    @Test
    @DisplayName("the time of a row written digit by digit; result: the formatter's text for every instant tried")
    void timeAsTheFormatterWritesIt() {
        java.time.format.DateTimeFormatter formatter = java.time.format.DateTimeFormatter
                .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        for (String edge : new String[] {"2026-03-01T09:15:02.123456Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2024-02-29T23:59:59.000001Z", "1969-12-31T23:59:59.999999Z",
                "+10000-01-01T00:00:00Z", "-0001-12-31T23:59:59.5Z", "2026-12-05T22:00:00.000000999Z"}) {
            Instant at = Instant.parse(edge);
            assertEquals(formatter.format(at), StoredEvent.time(at), edge);
        }
        SplittableRandom random = new SplittableRandom(11);
        long lowest = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long highest = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(lowest, highest), random.nextInt(1_000_000_000));
            assertEquals(formatter.format(at), StoredEvent.time(at), at.toString());
        }
    }
}
