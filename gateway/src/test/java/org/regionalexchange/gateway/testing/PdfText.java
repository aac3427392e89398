package org.regionalexchange.gateway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.text.Normalizer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF answer as PDFBox extracts it (logical order, Arabic presentation forms folded). */
public final class PdfText {

    private PdfText() {
    }

    /** Asserts a 200 PDF answer and returns its text, NFKC-normalized. */
    public static String of(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), () -> new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"),
                () -> "content type " + response.headers().firstValue("Content-Type"));
        try (PDDocument document = Loader.loadPDF(response.body())) {
            return Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the PDF embeds font {@code name} (as a subset), e.g. {@code DejaVuSans}. */
    public static boolean embedsFont(HttpResponse<byte[]> response, String name) {
        try (PDDocument document = Loader.loadPDF(response.body())) {
            for (var page : document.getPages()) {
                for (var fontName : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(fontName);
                    if (font.getName().contains(name) && font.isEmbedded()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
