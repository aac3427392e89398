package org.regionalexchange.gateway.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.gateway.testing.TestRegion;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two replicas of one node start at the same moment on a database that does not hold the registry
 * yet (a fresh node): both synchronize the participant registry, and both must succeed with each
 * node and agency stored once. Each round empties the registry tables and runs the node's own
 * synchronizer from two threads released together, as two replicas' start-ups would.
 */
class ReplicasStartTogetherIT {

    private static TestRegion region;
    private static ConfigurableApplicationContext node;

    @BeforeAll
    static void start() {
        region = TestRegion.create();
        node = region.start("tj");
    }

    @AfterAll
    static void stop() {
        region.close();
    }

    @Test
    @DisplayName("two start-ups synchronizing the registry at once both succeed, each row stored once")
    void concurrentSynchronizationsBothSucceed() throws Exception {
        JdbcClient db = node.getBean(JdbcClient.class);
        RegistrySynchronizer synchronizer = node.getBean(RegistrySynchronizer.class);
        long nodes = count(db, "registry_node");
        long agencies = count(db, "registry_agency");
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                db.sql("DELETE FROM registry_agency").update();
                db.sql("DELETE FROM registry_node").update();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> startUps = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    startUps.add(replicas.submit(() -> {
                        together.await();
                        synchronizer.run(null);
                        return null;
                    }));
                }
                for (Future<?> startUp : startUps) {
                    startUp.get(); // a duplicate key in either start-up fails the test here
                }
                assertEquals(nodes, count(db, "registry_node"), "round " + round);
                assertEquals(agencies, count(db, "registry_agency"), "round " + round);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    private static long count(JdbcClient db, String table) {
        return db.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
