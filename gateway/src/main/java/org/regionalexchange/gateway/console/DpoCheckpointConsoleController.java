package org.regionalexchange.gateway.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.regionalexchange.gateway.checkpoints.CheckpointDesk;
import org.regionalexchange.gateway.error.ApiException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-protection officer's checkpoints: sign one now and download it, check the log against
 * one kept earlier (a file or pasted), and against the checkpoints the peers hold of this node.
 * Through {@link CheckpointDesk}, the same service as {@code /api/v1/audit/checkpoints}; every
 * action is logged there. All three are POSTs (each is logged, the peers' one asks the peers), so
 * each carries the form's CSRF token.
 */
@Controller
@RequestMapping("/console/dpo/checkpoints")
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class DpoCheckpointConsoleController {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final CheckpointDesk desk;
    private final JsonMapper json;

    DpoCheckpointConsoleController(CheckpointDesk desk, JsonMapper json) {
        this.desk = desk;
        this.json = json;
    }

    @GetMapping
    String page() {
        return "console/dpo/checkpoints";
    }

    /**
     * Signs a checkpoint and answers with it as a file, {@code checkpoint-<node>-<time>.json}: the
     * API's export, byte for byte as the API writes it. A chain that does not verify gets no
     * checkpoint: the page comes back with the API's problem.
     */
    @PostMapping
    Object sign(@AuthenticationPrincipal ConsoleUser user, Model model) {
        ObjectNode export;
        try {
            export = desk.sign(user.officer());
        } catch (ApiException e) {
            model.addAttribute("signProblem", ConsoleModel.ShownProblem.of(e));
            return "console/dpo/checkpoints";
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(export)).build().toString())
                .body(json.writeValueAsBytes(export));
    }

    static String fileName(ObjectNode export) {
        Instant at = Instant.parse(export.get("at").asString()).truncatedTo(ChronoUnit.SECONDS);
        return "checkpoint-" + export.get("nodeId").asString() + "-" + FILE_TIME.format(at) + ".json";
    }

    /** Checks the log against the checkpoint of the file, or else of the text pasted. */
    @PostMapping("/verify")
    String verify(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal ConsoleUser user, Model model) throws IOException {
        boolean fromFile = file != null && !file.isEmpty();
        String given = fromFile ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        if (!fromFile) {
            model.addAttribute("text", text);
        }
        try {
            model.addAttribute("check", desk.verify(user.officer(), given));
        } catch (ApiException e) {
            model.addAttribute("verifyProblem", ConsoleModel.ShownProblem.of(e));
        }
        return "console/dpo/checkpoints";
    }

    /** Runs a gossip round now and shows, for each peer, whether the log extends its copy. */
    @PostMapping("/peers")
    String peers(@AuthenticationPrincipal ConsoleUser user, Model model) {
        model.addAttribute("holdings", desk.peers(user.officer()));
        return "console/dpo/checkpoints";
    }
}
