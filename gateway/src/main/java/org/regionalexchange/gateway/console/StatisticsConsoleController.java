package org.regionalexchange.gateway.console;

import java.nio.charset.StandardCharsets;

import org.regionalexchange.gateway.error.ApiException;
import org.regionalexchange.gateway.statistics.StatisticsViews;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The statistics screen, for any signed-in role as {@code /api/v1/statistics}: this node's tables
 * and the region's for a range of months, each cell with its value or marked suppressed, a bar chart
 * per table, and the API's CSV files. Through {@link StatisticsViews}: the same services, period rules
 * and disclosure control as the API; no figure is computed here.
 */
@Controller
@RequestMapping("/console/statistics")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class StatisticsConsoleController {

    private final StatisticsViews statistics;

    StatisticsConsoleController(StatisticsViews statistics) {
        this.statistics = statistics;
    }

    @GetMapping
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Model model) {
        // Before anything is asked: the last released month alone.
        String last = statistics.lastReleased().toString();
        String shownFrom = from == null || from.isBlank() ? last : from.strip();
        String shownTo = to == null || to.isBlank() ? last : to.strip();
        model.addAttribute("from", shownFrom);
        model.addAttribute("to", shownTo);
        model.addAttribute("last", last);
        try {
            model.addAttribute("node", statistics.node(shownFrom, shownTo));
            model.addAttribute("region", statistics.region(shownFrom, shownTo));
        } catch (ApiException e) {
            model.addAttribute("problem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/statistics/figures";
    }

    @GetMapping("/node.csv")
    ResponseEntity<byte[]> nodeCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return csv(statistics.nodeCsv(from, to));
    }

    @GetMapping("/region.csv")
    ResponseEntity<byte[]> regionCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return csv(statistics.regionCsv(from, to));
    }

    private static ResponseEntity<byte[]> csv(String[] file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file[0]).build()
                        .toString())
                .body(file[1].getBytes(StandardCharsets.UTF_8));
    }
}
