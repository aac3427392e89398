package org.regionalexchange.gateway.printout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Prints an XHTML page as a PDF with DejaVu Sans embedded (Cyrillic and the Arabic script of Dari
 * and Pashto names; Debian's fonts-dejavu-core 2.37, licence in {@code printout/fonts/}). Arabic
 * script is laid out right to left by ICU and shaped by {@link PersoArabicShaping}. The renderer's
 * own logging is off: the pages carry names, which never reach the application's logs.
 */
@Component
public class PdfPrinter {

    /** The font family the pages' style sheet names. */
    public static final String FONT = "DejaVu Sans";

    static {
        XRLog.setLoggingEnabled(false);
    }

    public byte[] print(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new PersoArabicShaping());
        builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the printout could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String file) {
        InputStream in = PdfPrinter.class.getResourceAsStream("/printout/fonts/" + file);
        if (in == null) {
            throw new IllegalStateException("font " + file + " is not packaged");
        }
        return in;
    }

    /** The page's head: UTF-8, A4, the embedded font, plain tables. */
    public static String head(String language, String title) {
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"/><title>%s</title><style>
                @page { size: A4; margin: 16mm 14mm; }
                body { font-family: '%s'; font-size: 10pt; }
                h1 { font-size: 15pt; margin: 0 0 4mm 0; }
                h2 { font-size: 12pt; margin: 5mm 0 2mm 0; }
                table { width: 100%%; border-collapse: collapse; margin-bottom: 2mm; }
                th { text-align: left; font-weight: bold; width: 38%%; vertical-align: top; padding: 1mm 2mm;
                     border-bottom: 0.5pt solid #999; }
                td { vertical-align: top; padding: 1mm 2mm; border-bottom: 0.5pt solid #999; }
                .note { font-size: 8.5pt; color: #333; }
                .urgent { font-weight: bold; }
                </style></head><body>
                """.formatted(Html.escape(language), Html.escape(title), FONT);
    }
}
