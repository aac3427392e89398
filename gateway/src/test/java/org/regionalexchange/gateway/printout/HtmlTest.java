package org.regionalexchange.gateway.printout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void textNeverBecomesMarkup() {
        assertEquals("&lt;b&gt;Ali &amp; &quot;Omid&quot; &#39;x&#39; &lt;/b&gt; ", Html.escape("<b>Ali & \"Omid\" 'x' </b>\u0007"));
        assertEquals("", Html.row("Hotline", null));
        assertEquals("<tr><th>a&lt;</th><td>b&amp;</td></tr>\n", Html.row("a<", "b&"));
    }
}
