package org.regionalexchange.gateway.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import org.regionalexchange.policy.model.Sha256;

/**
 * Recomputes the access log's hash chains (docs/performance.md R6). The log is {@value #LANES} parallel
 * chains ("lanes", migration V22): streams every row in id order with a bounded fetch size (a
 * million rows never sit in memory), checks that the row's lane is one of them, that its
 * {@code prev_hash} is the hash of the previous row of the same lane (the genesis hash for a lane's
 * first row) and that its own hash is the SHA-256 of its canonical content by the row's canonical
 * version (1: the whole row; 2: the link of the previous hash, the id and the content digest, after
 * recomputing that digest from the row's fields, see {@link StoredEvent}), and finally that each
 * lane's head row agrees with that lane's last row. The first row that fails is named. Reads one
 * snapshot (repeatable read), so concurrent appends do not disturb it.
 */
@Component
public class ChainVerifier {

    /** The number of lanes; the migration creates exactly these, numbered from 0. */
    public static final int LANES = 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(properties.fetchSize());
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The head of one lane: its last event (0 and the genesis hash while empty) and its length.
     */
    public record LaneHead(int lane, long lastEventId, String lastHash, long events) {
    }

    /**
     * The result of a verification.
     *
     * @param headHash           {@link #headsHash(List)} of the lanes' heads; null when invalid
     * @param headEventId        the newest event of the log; null when invalid
     * @param lanes              the lanes' heads; null when invalid
     * @param firstBrokenEventId the first event whose lane, link or hash fails (or the first id after
     *                           the last good one of a lane whose head disagrees); null when valid
     * @param problem            {@code unknown_lane}, {@code prev_hash_mismatch},
     *                           {@code unknown_canonical_version}, {@code content_digest_mismatch},
     *                           {@code hash_mismatch} or {@code head_mismatch}; null when valid
     */
    public record Verification(boolean valid, long events, String headHash, Long headEventId, List<LaneHead> lanes,
            Long firstBrokenEventId, String problem) {
    }

    /**
     * Whether the log still extends a checkpoint signed earlier: every lane head the checkpoint
     * names is still in its lane at the same position with the same hash, and the whole chain
     * verifies. Names the first lane and event where it does not.
     *
     * @param extendsCheckpoint true when the log extends the checkpoint
     * @param lane              the lane of the first break; null when it extends (or when a
     *                          broken row names no lane of the log)
     * @param eventId           the checkpoint's event that is gone or changed, or the first broken
     *                          event of the chain after it; null when it extends
     * @param problem           {@code event_changed}, {@code event_missing}, {@code events_changed},
     *                          or the chain's own problem ({@link Verification#problem()}); null when
     *                          it extends
     * @param chain             the log's own verification, as {@link #verify()} answers it
     */
    public record Extension(boolean extendsCheckpoint, Integer lane, Long eventId, String problem,
            Verification chain) {
    }

    public Verification verify() {
        return snapshot.execute(status -> walk(new Walk(null)));
    }

    /** The hash a lane has now at one event: null when that event is not (or no longer) in that lane. */
    public record LaneHash(int lane, long eventId, String hash) {
    }

    /**
     * For each non-empty lane of {@code heads}, the hash the log holds now at the event the head
     * names, in that lane (null when the event is gone or stands in another lane): what a peer that
     * holds an earlier checkpoint of this node compares with it. Hashes only, no content.
     */
    public List<LaneHash> hashesAt(List<LaneHead> heads) {
        List<Long> ids = heads.stream().filter(h -> h.lastEventId() != 0).map(LaneHead::lastEventId).toList();
        Map<Long, StoredLink> found = new HashMap<>();
        if (!ids.isEmpty()) {
            String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
            jdbc.query("select id, lane, hash from access_log where id in (" + placeholders + ")",
                    rs -> {
                        found.put(rs.getLong(1), new StoredLink(rs.getInt(2), rs.getString(3)));
                    }, ids.toArray());
        }
        List<LaneHash> hashes = new ArrayList<>();
        for (LaneHead head : heads) {
            if (head.lastEventId() != 0) {
                StoredLink link = found.get(head.lastEventId());
                hashes.add(new LaneHash(head.lane(), head.lastEventId(),
                        link != null && link.lane() == head.lane() ? link.hash() : null));
            }
        }
        return hashes;
    }

    private record StoredLink(int lane, String hash) {
    }

    /** Walks the log once, as {@link #verify()} does, and checks it against {@code checkpoint}'s lane heads. */
    public Extension extension(List<LaneHead> checkpoint) {
        CheckpointHeads heads = new CheckpointHeads(checkpoint);
        Walk walk = new Walk(heads);
        Verification chain = snapshot.execute(status -> walk(walk));
        if (heads.problem != null) {
            return new Extension(false, heads.lane, heads.eventId, heads.problem, chain);
        }
        if (!chain.valid()) {
            return new Extension(false, walk.brokenLane, chain.firstBrokenEventId(), chain.problem(), chain);
        }
        heads.end();
        if (heads.problem != null) {
            return new Extension(false, heads.lane, heads.eventId, heads.problem, chain);
        }
        return new Extension(true, null, null, null, chain);
    }

    /**
     * One hash over every lane's head, so that one value stands for the whole log (the verify
     * answer's and the checkpoint's {@code headHash}): lower-case hex SHA-256 of the UTF-8 text
     * {@code access-log-heads-v1} followed, lane by lane in order, by a line feed and
     * {@code lane=N last_id=ID last_hash=HASH events=COUNT}, and a final line feed.
     */
    public static String headsHash(List<LaneHead> heads) {
        StringBuilder text = new StringBuilder("access-log-heads-v1\n");
        for (LaneHead head : heads) {
            text.append("lane=").append(head.lane()).append(" last_id=").append(head.lastEventId())
                    .append(" last_hash=").append(head.lastHash()).append(" events=").append(head.events()).append('\n');
        }
        return Sha256.hex(text.toString());
    }

    private Verification walk(Walk walk) {
        jdbc.query("select " + StoredEvent.COLUMNS + " from access_log order by id", rs -> {
            if (walk.broken == null) {
                walk.check(StoredEvent.map(rs, 0));
            }
        });
        if (walk.broken != null) {
            return new Verification(false, walk.events(), null, null, null, walk.broken, walk.problem);
        }
        List<LaneHead> heads = jdbc.query("select lane, last_id, last_hash, events from access_log_lane order by lane",
                (rs, n) -> new LaneHead(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4)));
        List<LaneHead> walked = walk.heads();
        Long broken = null;
        for (int lane = 0; lane < LANES; lane++) {
            LaneHead found = walked.get(lane);
            LaneHead stored = lane < heads.size() && heads.get(lane).lane() == lane ? heads.get(lane) : null;
            if (!found.equals(stored)) {
                long next = Math.min(stored == null ? 0 : stored.lastEventId(), found.lastEventId()) + 1;
                if (broken == null || next < broken) {
                    broken = next;
                    walk.brokenLane = lane;
                }
            }
        }
        if (broken != null || heads.size() != LANES) {
            return new Verification(false, walk.events(), null, null, null, broken == null ? 1 : broken,
                    "head_mismatch");
        }
        long newest = walked.stream().mapToLong(LaneHead::lastEventId).max().orElse(0);
        return new Verification(true, walk.events(), headsHash(walked), newest, walked, null, null);
    }

    private static final class Walk {
        final String[] previousHash = new String[LANES];
        final long[] lastId = new long[LANES];
        final long[] count = new long[LANES];
        final CheckpointHeads checkpoint;
        Long broken;
        Integer brokenLane;
        String problem;

        Walk(CheckpointHeads checkpoint) {
            this.checkpoint = checkpoint;
            Arrays.fill(previousHash, StoredEvent.GENESIS);
        }

        void check(StoredEvent row) {
            int lane = row.lane();
            if (lane < 0 || lane >= LANES) {
                fail(row, "unknown_lane");
            } else if (!previousHash[lane].equals(row.prevHash())) {
                fail(row, "prev_hash_mismatch");
            } else if (row.canonicalVersion() != 1 && row.canonicalVersion() != 2) {
                fail(row, "unknown_canonical_version");
            } else if (row.canonicalVersion() == 2 && !row.computeContentDigest().equals(row.contentDigest())) {
                // The digest is the application's word for the content: recomputed, never trusted.
                fail(row, "content_digest_mismatch");
            } else if (!row.computeHash().equals(row.hash())) {
                fail(row, "hash_mismatch");
            } else {
                previousHash[lane] = row.hash();
                lastId[lane] = row.id();
                count[lane]++;
                if (checkpoint != null) {
                    checkpoint.passed(row, count[lane]);
                }
            }
        }

        private void fail(StoredEvent row, String kind) {
            broken = row.id();
            brokenLane = row.lane() >= 0 && row.lane() < LANES ? row.lane() : null;
            problem = kind;
        }

        long events() {
            return Arrays.stream(count).sum();
        }

        List<LaneHead> heads() {
            List<LaneHead> heads = new ArrayList<>(LANES);
            for (int lane = 0; lane < LANES; lane++) {
                heads.add(new LaneHead(lane, lastId[lane], previousHash[lane], count[lane]));
            }
            return heads;
        }
    }

    /**
     * The lane heads of a checkpoint, checked against the rows as the walk passes them in id order:
     * the first head that is gone, moved or changed is kept. A row is passed only once its own link
     * and hash verified.
     */
    private static final class CheckpointHeads {
        final long[] lastId = new long[LANES];
        final String[] lastHash = new String[LANES];
        final long[] events = new long[LANES];
        final boolean[] seen = new boolean[LANES];
        Integer lane;
        Long eventId;
        String problem;

        CheckpointHeads(List<LaneHead> heads) {
            for (LaneHead head : heads) {
                lastId[head.lane()] = head.lastEventId();
                lastHash[head.lane()] = head.lastHash();
                events[head.lane()] = head.events();
            }
        }

        void passed(StoredEvent row, long eventsOfLane) {
            if (problem != null) {
                return;
            }
            int here = row.lane();
            for (int other = 0; other < LANES; other++) {
                if (other != here && lastId[other] == row.id()) {
                    fail(other, "event_missing"); // the head's event now stands in another lane
                    return;
                }
            }
            if (lastId[here] == row.id()) {
                seen[here] = true;
                if (!lastHash[here].equals(row.hash())) {
                    fail(here, "event_changed");
                } else if (events[here] != eventsOfLane) {
                    fail(here, "events_changed");
                }
            } else if (lastId[here] != 0 && !seen[here] && row.id() > lastId[here]) {
                fail(here, "event_missing"); // the lane went past the head's id without it
            }
        }

        /** After the last row: a head never passed is gone (the lane was cut back). */
        void end() {
            for (int l = 0; l < LANES && problem == null; l++) {
                if (lastId[l] != 0 && !seen[l]) {
                    fail(l, "event_missing");
                }
            }
        }

        private void fail(int head, String kind) {
            lane = head;
            eventId = lastId[head];
            problem = kind;
        }
    }
}
