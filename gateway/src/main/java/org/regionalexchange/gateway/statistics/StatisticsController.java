package org.regionalexchange.gateway.statistics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.regionalexchange.gateway.node.NodeProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/statistics}: figures without personal data, for any officer of the node (any role).
 * The node's own figures (every population, with disclosure control applied) and the region's (the
 * sum of every node's signed figures, with each node's envelope and whether it verified), as JSON
 * or as CSV for a spreadsheet.
 */
@RestController
class StatisticsController {

    private final NodeStatistics node;
    private final RegionStatistics region;
    private final StatisticsCsv csv;
    private final StatisticsProperties properties;
    private final NodeProperties self;
    private final Clock clock;

    StatisticsController(NodeStatistics node, RegionStatistics region, StatisticsCsv csv,
            StatisticsProperties properties, NodeProperties self, Clock clock) {
        this.node = node;
        this.region = region;
        this.csv = csv;
        this.properties = properties;
        this.self = self;
        this.clock = clock;
    }

    @GetMapping("/api/v1/statistics/node")
    ObjectNode node(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return node.all(Period.parse(from, to, properties, clock));
    }

    @GetMapping("/api/v1/statistics/node.csv")
    void nodeCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        Period period = Period.parse(from, to, properties, clock);
        write(response, "statistics-" + self.id() + "-" + period.from() + "-" + period.to() + ".csv",
                csv.node(node.all(period)));
    }

    @GetMapping("/api/v1/statistics/region")
    ObjectNode region(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return region.region(Period.parse(from, to, properties, clock));
    }

    @GetMapping("/api/v1/statistics/region.csv")
    void regionCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        Period period = Period.parse(from, to, properties, clock);
        write(response, "statistics-region-" + period.from() + "-" + period.to() + ".csv",
                csv.region(region.region(period)));
    }

    private static void write(HttpServletResponse response, String filename, String body) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
