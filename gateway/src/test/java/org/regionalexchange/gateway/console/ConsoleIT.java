package org.regionalexchange.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.regionalexchange.gateway.testing.Problems;
import org.regionalexchange.gateway.testing.Http;
import org.regionalexchange.gateway.testing.RegionData;
import org.regionalexchange.gateway.testing.TestRegion;
import org.regionalexchange.idp.IdentityProviderApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * The console in headless Chromium against a real region (nodes kz and kg) and the sample identity
 * provider: the officer→reviewer journey in Russian and in English through the real sign-in, the
 * screener's interview and referral, the receiving registrar's inbox, steps, record opened from a
 * referral and record edit (a stale version refused), the liaison's, the administrator's and the
 * data-protection officer's screens (revisions, checkpoints, the activity chart against the log's counts), and
 * the browser attacks of R10 (docs/performance.md): XSS in every field of the request form and of
 * the screener's forms, CSRF,
 * framing, session fixation, open redirects; the sender's sent referrals (status, delivery, revocation).
 * Every screen is checked for CSP violations and
 * serious or critical accessibility violations (axe-core); screenshots go to
 * target/console-screenshots/.
 */
class ConsoleIT {

    private static TestRegion region;
    private static ConfigurableApplicationContext idp;
    private static String kg;
    private static String kz;
    private static final Properties EN = bundle("messages.properties");
    private static final Properties RU = bundle("messages_ru.properties");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        int idpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            idpPort = socket.getLocalPort();
        }
        String issuer = "--gateway.console.issuer-uri=http://127.0.0.1:" + idpPort;
        region = TestRegion.create();
        region.start("kz", issuer, "--gateway.sample-data.location=" + TestRegion.sampleData("kz"));
        region.start("kg", issuer);
        kg = "http://127.0.0.1:" + region.uri("kg", "/").getPort();
        kz = "http://127.0.0.1:" + region.uri("kz", "/").getPort();
        // The provider is asked only at sign-in: it may start after the nodes, knowing their addresses.
        idp = new SpringApplicationBuilder(IdentityProviderApplication.class).run(
                "--spring.config.name=console-it-idp", "--server.port=" + idpPort, "--server.address=127.0.0.1",
                "--server.servlet.session.cookie.name=idp-session", "--spring.main.banner-mode=off",
                "--idp.region-definition=" + TestRegion.DEFINITION.toAbsolutePath().normalize(),
                "--idp.redirect-uris=http://127.0.0.1/login/oauth2/code/console",
                "--idp.post-logout-redirect-uris=" + kg + "/console/signed-out," + kz + "/console/signed-out",
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.close();
        }
        if (region != null) {
            region.close();
        }
    }

    @Test
    @DisplayName("in Russian: a KG officer asks KZ-MIGRATION, a KZ reviewer approves, the officer sees the outcome")
    void journeyInRussian() throws Exception {
        journey("ru", RU);
    }

    @Test
    @DisplayName("in English: the same journey, and sign-out ends the session at the node and at the provider")
    void journeyInEnglish() throws Exception {
        journey("en", EN);
    }

    private void journey(String lang, Properties texts) throws Exception {
        try (ConsoleBrowser officer = new ConsoleBrowser(kg); ConsoleBrowser reviewer = new ConsoleBrowser(kz)) {
            officer.signIn("officer@kg-sms", lang);
            assertThat(officer.path()).isEqualTo("/console");
            assertThat(officer.find("h1").getText()).isEqualTo(texts.getProperty("home.title"));
            officer.checked("home-" + lang);

            officer.open("/console/officer/requests/new");
            officer.checked("request-form-" + lang);
            new Select(officer.find("#holderAgency")).selectByValue("KZ-MIGRATION");
            officer.find("#subjectBy-record").click();
            officer.find("#holderRecordRef").sendKeys("KZ-2026-000123");
            new Select(officer.find("#purpose")).selectByValue("RSD_CASE_PROCESSING");
            officer.find("#requesterCaseRef").sendKeys("KG-SMS-2026-0456-" + lang.toUpperCase());
            officer.find("#justification").sendKeys("Applicant states he lodged a claim in Almaty in January 2026; we must"
                    + " establish its outcome before deciding his claim under our case KG-SMS-2026-0456-" + lang.toUpperCase()
                    + ".");
            officer.find("#category-IDENTITY").click();
            officer.find("#category-CASE_STATUS").click();
            officer.find("#category-CLAIM").click();
            // An urgent request beyond identity waits for a reviewer at the holder (region policy).
            officer.find("#urgency-urgent").click();
            officer.find("#send").click();
            officer.waitFor("#outcome");
            assertThat(officer.find("#outcome").getText()).isEqualTo(texts.getProperty("outcomeCode.PENDING_REVIEW"));
            String requestId = officer.path().substring("/console/officer/requests/".length());
            officer.checked("outcome-pending-" + lang);

            reviewer.signIn("reviewer@kz-migration", lang);
            reviewer.open("/console/reviewer/queue");
            String item = "#review-" + requestId;
            reviewer.waitFor(item);
            reviewer.checked("review-queue-" + lang);
            assertThat(reviewer.find(item + " .why").getText()).contains(texts.getProperty("reason.review_configured_trigger"));
            assertThat(reviewer.find(item + " .release").getText()).contains(texts.getProperty("category.CLAIM"));
            reviewer.find(item + " textarea").sendKeys("Claim history needed for the KG decision; consent covers KG.");
            reviewer.find(item + " button.approve").click();
            new WebDriverWait(reviewer.driver, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(By.cssSelector(item + ".decided .done")).isEmpty());
            reviewer.checked("review-decided-" + lang);

            officer.open("/console/officer/requests/" + requestId);
            String outcome = officer.find("#outcome").getText();
            assertThat(outcome).isIn(texts.getProperty("outcomeCode.RELEASED"), texts.getProperty("outcomeCode.PARTIALLY_RELEASED"));
            assertThat(officer.find(".handling").getText()).contains(texts.getProperty("handling.NO_ONWARD_TRANSFER"));
            assertThat(officer.all(".released h3").stream().map(WebElement::getText).toList())
                    .contains(texts.getProperty("category.CLAIM"));
            officer.checked("outcome-released-" + lang);
            String evidence = download(kg, "/console/officer/requests/" + requestId + "/evidence", officer);
            assertThat(evidence.split("\\.")).as("a compact JWS").hasSize(3);

            officer.open("/console/officer/requests");
            assertThat(officer.find("#requests table").getText()).contains("KZ-MIGRATION");
            officer.checked("requests-" + lang);

            if (lang.equals("en")) {
                officer.find(".sign-out button").click();
                new WebDriverWait(officer.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(kg
                        + "/console/signed-out"));
                officer.checked("signed-out-en");
                officer.open("/console/officer/requests");
                assertThat(officer.path()).as("the node's session ended").isEqualTo("/console/sign-in");
                officer.find("#sign-in").click();
                new WebDriverWait(officer.driver, Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.id("username")).isEmpty());
                assertThat(officer.driver.getCurrentUrl()).as("the provider's session ended too").doesNotStartWith(kg);
            }
        }
    }

    @Test
    @DisplayName("XSS: payloads in Latin, Cyrillic and Arabic script typed into every field come back as text, never run")
    void xssPayloadsAreShownNotRun() {
        List<String> corpus = List.of(
                "<script>alert('x')</script>",
                "\"><img src=x onerror=alert(1)>",
                "Ахмад<script>alert(document.cookie)</script>",
                "احمد\"><svg onload=alert(1)>",
                "javascript:alert(1)",
                "'><iframe src=javascript:alert(1)></iframe>",
                "{{7*7}}[[${7*7}]]<b onmouseover=alert(1)>Rahimi</b>");
        try (ConsoleBrowser officer = new ConsoleBrowser(kg)) {
            officer.signIn("officer@kg-sms", "en");
            int i = 0;
            for (String payload : corpus) {
                officer.open("/console/officer/requests/new");
                new Select(officer.find("#holderAgency")).selectByValue("KZ-MIGRATION");
                new Select(officer.find("#purpose")).selectByValue("RSD_CASE_PROCESSING");
                officer.find("#category-IDENTITY").click();
                for (String field : List.of("familyName", "givenNames", "dateOfBirth", "nationality", "documentNumber",
                        "holderRecordRef", "requesterCaseRef", "justification")) {
                    officer.find("#" + field).sendKeys(payload);
                }
                officer.find("#send").click();
                officer.waitFor(".problem");
                assertThat(officer.alertShown()).as("an alert ran for %s", payload).isFalse();
                assertThat(officer.script("return document.querySelectorAll('main img, main svg, main iframe, main b,"
                        + " [onerror], [onload], [onmouseover]').length")).as("injected elements for %s", payload)
                        .isEqualTo(0L);
                assertThat(officer.script("return document.scripts.length")).as("scripts for %s", payload).isEqualTo(1L);
                assertThat(officer.find("#familyName").getAttribute("value")).isEqualTo(payload.length() > 100
                        ? payload.substring(0, 100) : payload);
                assertThat(officer.find("#justification").getAttribute("value")).isEqualTo(payload);
                // One full check (screenshot, axe-core) of the refused form; CSP for every payload.
                if (i++ == 0) {
                    officer.checked("xss-form");
                } else {
                    assertThat(officer.newCspViolations()).as("CSP violations for %s", payload).isEmpty();
                }
            }
        }
    }

    @Test
    @DisplayName("screener: '*' answers raise the asylum indicator, the person is referred to RSD with consent, the referral is SENT")
    void screenerJourney() throws Exception {
        try (ConsoleBrowser screener = new ConsoleBrowser(kz)) {
            screener.signIn("screener@kz-border", "en");
            screener.open("/console/screener/screenings/new");
            screener.waitFor("#record");
            List<String> questions = screener.all("fieldset.question legend").stream().map(WebElement::getText).toList();
            assertThat(questions).as("the questionnaire's questions, in its order").hasSizeGreaterThan(10);
            assertThat(questions.get(0)).startsWith("1. ");
            assertThat(questions.get(1)).startsWith("2. ");
            screener.checked("screening-form-en");
            screener.find("#place").sendKeys("KZ-BCP-ZHIBEK-ZHOLY");
            screener.find("#informed-RIGHT_TO_SEEK_ASYLUM").click();
            screener.find("#informed-UNHCR_EXISTS").click();
            screener.find("#familyName").sendKeys("Karimi");
            screener.find("#givenNames").sendKeys("Ahmad");
            screener.find("#dateOfBirth").sendKeys("1990");
            screener.find("#nationalities").sendKeys("AF");
            screener.find("#q-reasonsForLeaving-PERSECUTION").click();
            screener.find("#q-forcedToLeave-YES").click();
            screener.find("#record").click();
            screener.waitFor("#indicator-POTENTIAL_ASYLUM_SEEKER");
            String indicator = screener.find("#indicator-POTENTIAL_ASYLUM_SEEKER").getText();
            assertThat(indicator).contains(EN.getProperty("indicator.POTENTIAL_ASYLUM_SEEKER"))
                    .as("the answers that raised it, in the questionnaire's words").contains("Persecution");
            String suggestion = "#suggestion-ASYLUM_PROCEDURE-KZ-MIGRATION";
            assertThat(screener.find(suggestion + " .contact").getText()).as("the agency's contact block")
                    .contains(EN.getProperty("contact.phone"));
            screener.checked("screening-result-en");

            String form = "#refer-ASYLUM_PROCEDURE-KZ-MIGRATION";
            new Select(screener.find(form + "-givenBy")).selectByValue("SUBJECT");
            screener.find(form + "-evidenceRef").sendKeys("KZ-BORDER-CONSENT-0042");
            screener.find(form + "-send").click();
            screener.waitFor("#referral-status, .problem");
            assertThat(screener.all(".problem")).as("refused: %s", screener.find("main").getText()).isEmpty();
            assertThat(screener.find("#referral-status").getText()).isEqualTo(EN.getProperty("referralStatus.SENT"));
            assertThat(screener.find("#referral-id").getText()).matches("[0-9a-f-]{36}");
            screener.checked("referral-sent-en");
            // The slip to print: the same PDF as the API's, for this session's screener only.
            String slip = screener.find("#referral-slip").getAttribute("href");
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(slip))
                    .header("Cookie", "console-kz=" + screener.sessionCookie("console-kz")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(org.regionalexchange.gateway.testing.PdfText.of(pdf)).contains("KZ-BORDER-CONSENT-0042");
        }
    }

    @Test
    @DisplayName("XSS in the screener's forms: every free-text field of the interview and the referral shows the payload back as text")
    void xssInScreenerForms() {
        List<String> corpus = List.of(
                "<script>alert('x')</script>",
                "\"><img src=x onerror=alert(1)>",
                "Ахмад<script>alert(document.cookie)</script>",
                "احمد\"><svg onload=alert(1)>",
                "{{7*7}}[[${7*7}]]<b onmouseover=alert(1)>Rahimi</b>");
        try (ConsoleBrowser screener = new ConsoleBrowser(kz)) {
            screener.signIn("screener@kz-border", "ru");
            int i = 0;
            for (String payload : corpus) {
                screener.open("/console/screener/screenings/new");
                List<WebElement> fields = screener.all("#interview-form input[type=text], #interview-form textarea");
                assertThat(fields).hasSizeGreaterThan(20);
                for (WebElement field : fields) {
                    field.clear();
                    field.sendKeys(payload);
                }
                screener.find("#record").click();
                screener.waitFor(".problem");
                assertNotRun(screener, payload);
                for (WebElement field : screener.all("#interview-form input[type=text], #interview-form textarea")) {
                    assertThat(field.getAttribute("value")).as(field.getAttribute("id"))
                            .isEqualTo(cut(payload, field.getAttribute("maxlength")));
                }
                screener.checked("xss-screening-" + i);

                // A valid interview, then the payload in every free-text field of a referral (refused: not a language code).
                screener.open("/console/screener/screenings/new");
                screener.find("#place").sendKeys("KZ-BCP-ZHIBEK-ZHOLY");
                screener.find("#q-forcedToLeave-YES").click();
                screener.find("#record").click();
                String form = "#refer-ASYLUM_PROCEDURE-KZ-MIGRATION";
                screener.waitFor(form);
                for (String field : List.of("-informedInLanguage", "-evidenceRef", "-note")) {
                    screener.find(form + field).clear();
                    screener.find(form + field).sendKeys(payload);
                }
                screener.find(form + "-send").click();
                screener.waitFor(form + " .problem");
                assertNotRun(screener, payload);
                for (String field : List.of("-informedInLanguage", "-evidenceRef", "-note")) {
                    WebElement shown = screener.find(form + field);
                    assertThat(shown.getAttribute("value")).as(field).isEqualTo(cut(payload, shown.getAttribute("maxlength")));
                }
                screener.checked("xss-referral-" + i++);
            }
        }
    }

    @Test
    @DisplayName("liaison: the records a consent shares with UNHCR, and one record's consented categories only")
    void liaisonView() {
        try (ConsoleBrowser liaison = new ConsoleBrowser(kz)) {
            liaison.signIn("liaison@unhcr-kz", "ru");
            liaison.open("/console/liaison/records");
            liaison.waitFor("#liaison-records");
            List<WebElement> rows = liaison.all("#liaison-records tbody tr");
            assertThat(rows).as("the sample data's consents naming UNHCR").isNotEmpty();
            // Each row: the record's link and the consented categories it lists. Other tests of this
            // class add records whose consented categories hold no data, so every record opened
            // must show only listed categories, and at least one must show some.
            Map<String, String> listedByLink = new LinkedHashMap<>();
            for (WebElement row : rows) {
                listedByLink.put(row.findElement(By.tagName("a")).getAttribute("href"),
                        row.findElements(By.tagName("td")).get(1).getText());
            }
            liaison.checked("liaison-records-ru");
            boolean someShown = false;
            for (Map.Entry<String, String> record : listedByLink.entrySet()) {
                liaison.open(URI.create(record.getKey()).getPath());
                liaison.waitFor("#consented");
                List<String> shown = liaison.all("#consented h2").stream().map(WebElement::getText).toList();
                assertThat(shown).as("the categories of the consent, as listed")
                        .allSatisfy(category -> assertThat(record.getValue()).contains(category));
                if (!shown.isEmpty()) {
                    someShown = true;
                    liaison.checked("liaison-record-ru");
                    break;
                }
            }
            assertThat(someShown).as("a consented record shows its consented categories").isTrue();

            liaison.open("/console/admin/agreements");
            assertThat(liaison.find("h1").getText()).as("another role's screen").isEqualTo(RU.getProperty("denied.title"));
        }
    }

    @Test
    @DisplayName("admin: the agreements and the agency directory, read only")
    void adminView() {
        try (ConsoleBrowser admin = new ConsoleBrowser(kz)) {
            admin.signIn("admin@kz-migration", "en");
            admin.open("/console/admin/agreements");
            admin.waitFor("#agreement-KZ-KG-2024-RSD");
            assertThat(admin.find("#agreement-KZ-KG-2024-RSD").getText())
                    .contains(EN.getProperty("purpose.RSD_CASE_PROCESSING"), EN.getProperty("category.CLAIM"));
            assertThat(admin.all("main form")).as("read only: no form").isEmpty();
            admin.checked("admin-agreements-en");
            admin.open("/console/admin/directory");
            admin.waitFor("#agency-KZ-MIGRATION");
            assertThat(admin.find("#agency-UNHCR-KZ").getText()).contains("UNHCR").contains(EN.getProperty("contact.phone"));
            assertThat(admin.all("main form")).isEmpty();
            admin.checked("admin-directory-en");
        }
    }

    private static void assertNotRun(ConsoleBrowser browser, String payload) {
        assertThat(browser.alertShown()).as("an alert ran for %s", payload).isFalse();
        assertThat(browser.script("return document.querySelectorAll('main img, main svg, main iframe, main b,"
                + " [onerror], [onload], [onmouseover]').length")).as("injected elements for %s", payload).isEqualTo(0L);
        assertThat(browser.script("return document.scripts.length")).as("scripts for %s", payload).isEqualTo(1L);
    }

    /** What a field with this maxlength keeps of a typed text. */
    private static String cut(String text, String maxlength) {
        int max = maxlength == null ? Integer.MAX_VALUE : Integer.parseInt(maxlength);
        return text.length() > max ? text.substring(0, max) : text;
    }

    @Test
    @DisplayName("registrar: creates a record whose names carry XSS payloads (shown as text), records and withdraws a consent, reads the history, finds the record")
    void registrarJourney() {
        String family = "Ахмад<script>alert(document.cookie)</script>";
        String given = "احمد\"><svg onload=alert(1)>";
        try (ConsoleBrowser registrar = new ConsoleBrowser(kg)) {
            registrar.signIn("registrar@kg-sms", "en");
            registrar.open("/console/registrar/records?q=NO-SUCH-REF");
            assertThat(registrar.find("#records .empty").getText()).isEqualTo(EN.getProperty("records.none"));
            registrar.checked("registrar-records-empty");

            registrar.open("/console/registrar/records/new");
            registrar.checked("registrar-record-form");
            registrar.find("#holderRecordRef").sendKeys("KG-REG-2026-0001");
            registrar.find("#familyName").sendKeys(family);
            registrar.find("#givenNames").sendKeys(given);
            registrar.find("#latinFamilyName").sendKeys("Rahimi");
            registrar.find("#latinGivenNames").sendKeys("Ahmad");
            registrar.find("#dateOfBirth").sendKeys("1994-05");
            registrar.find("#nationality").sendKeys("AF");
            registrar.script("document.getElementById('statusDate').value = '2026-01-10'");
            registrar.find("#record-form button[type=submit]").click();
            registrar.waitFor("#record dl.record");
            assertThat(registrar.find(".family-name").getText()).isEqualTo(family);
            assertThat(registrar.find(".given-names").getText()).isEqualTo(given);
            assertThat(registrar.find(".latin-family-name").getText()).isEqualTo("Rahimi");
            assertThat(registrar.alertShown()).as("an alert ran").isFalse();
            assertThat(registrar.script("return document.querySelectorAll('main svg, main script, [onload]').length"))
                    .as("injected elements").isEqualTo(0L);
            assertThat(registrar.find("#consents .empty").getText()).isEqualTo(EN.getProperty("consents.empty"));
            String recordPath = registrar.path();
            registrar.checked("registrar-record");

            registrar.find("#recipient").sendKeys("KZ-MIGRATION");
            registrar.find("#purpose-RSD_CASE_PROCESSING").click();
            registrar.find("#consent-category-IDENTITY").click();
            registrar.find("#consent-category-CASE_STATUS").click();
            registrar.script("document.getElementById('validFrom').value = '2026-01-10'");
            registrar.find("#informedInLanguage").sendKeys("prs");
            registrar.find("#consent-form button[type=submit]").click();
            registrar.waitFor("#consents .done");
            assertThat(registrar.find("#consents .done").getText()).isEqualTo(EN.getProperty("consent.recorded"));
            assertThat(registrar.find("#consents article.consent h3").getText())
                    .endsWith(EN.getProperty("consentStatus.ACTIVE"));
            registrar.checked("registrar-consent-recorded");

            registrar.find("#consents form.withdraw input[name=reason]").sendKeys("The person asked to withdraw.");
            registrar.find("#consents form.withdraw button").click();
            new WebDriverWait(registrar.driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#consents form.withdraw")).isEmpty());
            assertThat(registrar.find("#consents .done").getText()).isEqualTo(EN.getProperty("consent.withdrawn"));
            assertThat(registrar.find("#consents article.consent h3").getText())
                    .endsWith(EN.getProperty("consentStatus.WITHDRAWN"));

            registrar.open(recordPath + "/history");
            List<String> rows = registrar.all("#history tr.revision").stream().map(WebElement::getText).toList();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).contains(EN.getProperty("history.entity.record"), EN.getProperty("history.type.ADD"));
            assertThat(rows.get(2)).contains(EN.getProperty("history.entity.consent"), EN.getProperty("history.type.MOD"),
                    "consent withdrawn: The person asked to withdraw.");
            registrar.checked("registrar-history");

            registrar.open("/console/registrar/records?q=rahimi");
            assertThat(registrar.find("#records table").getText()).contains("KG-REG-2026-0001", "Rahimi, Ahmad");
            registrar.checked("registrar-records-found");
        }
    }

    @Test
    @DisplayName("DPO: searches the access log for a record, verifies the chain, prints the record's disclosure report,"
            + " reads the record's revisions, signs and downloads a checkpoint and checks the log against it (a tampered"
            + " one refused) and against the peers' copies, reads the alerts")
    void dpoJourney() throws Exception {
        try (ConsoleBrowser registrar = new ConsoleBrowser(kz); ConsoleBrowser dpo = new ConsoleBrowser(kz)) {
            registrar.signIn("registrar@kz-migration", "en");
            registrar.open("/console/registrar/records?q=KZ-2026-000123");
            registrar.find("#records tbody a").click();
            registrar.waitFor("#record dl.record");
            String recordId = registrar.path().substring("/console/registrar/records/".length());

            dpo.signIn("dpo@kz-migration", "en");
            dpo.open("/console/dpo/events?action=NO_SUCH_ACTION");
            assertThat(dpo.find("#events .problem h2").getText()).isEqualTo(EN.getProperty("error.invalid_parameter"));
            dpo.open("/console/dpo/events");
            dpo.find("#filter-recordId").sendKeys(recordId);
            dpo.find("#filter-action").sendKeys("RECORD_READ");
            dpo.find("#events-form button[type=submit]").click();
            dpo.waitFor("#events tr.event");
            assertThat(dpo.all("#events tr.event").stream().map(WebElement::getText).toList())
                    .allSatisfy(row -> assertThat(row).contains("RECORD_READ", recordId))
                    .anySatisfy(row -> assertThat(row).contains("registrar@kz-migration"));
            dpo.checked("dpo-events");

            dpo.open("/console/dpo/chain");
            assertThat(dpo.find("#chain .empty").getText()).isEqualTo(EN.getProperty("chain.notVerified"));
            dpo.find("#verify").click();
            dpo.waitFor("#chain-status");
            assertThat(dpo.find("#chain-status").getText()).isEqualTo(EN.getProperty("chain.valid"));
            dpo.checked("dpo-chain");

            dpo.open("/console/dpo/disclosures");
            dpo.find("#recordId").sendKeys(recordId);
            dpo.find("#disclosures-form button[type=submit]").click();
            dpo.waitFor("#disclosures .report");
            assertThat(dpo.find(".printed-for").getText()).contains(recordId);
            dpo.checked("dpo-disclosures");
            dpo.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            assertThat(dpo.script("return getComputedStyle(document.querySelector('header.top nav')).display"))
                    .as("navigation when printed").isEqualTo("none");
            assertThat(dpo.script("return getComputedStyle(document.getElementById('disclosures-form')).display"))
                    .as("the form when printed").isEqualTo("none");
            dpo.screenshot("dpo-disclosures-print");
            dpo.driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));

            dpo.open("/console/dpo/disclosures?recordId=not-a-uuid");
            assertThat(dpo.find("#disclosures .problem h2").getText()).isEqualTo(EN.getProperty("error.invalid_parameter"));

            dpoRevisions(dpo, recordId);
            dpoCheckpoints(dpo);

            dpo.open("/console/dpo/alerts");
            assertThat(dpo.find("#alerts h1").getText()).isEqualTo(EN.getProperty("alerts.title"));
            dpo.checked("dpo-alerts");

            // The DPO's screens are the DPO's: a registrar is refused them.
            registrar.open("/console/dpo/events");
            assertThat(registrar.find("h1").getText()).isEqualTo(EN.getProperty("denied.title"));
        }
    }

    /**
     * The record's revisions, reached from its disclosure report and from an access-log row naming
     * it, as the API gives them; an unknown record and a bad id are the API's problems.
     */
    private static void dpoRevisions(ConsoleBrowser dpo, String recordId) {
        dpo.open("/console/dpo/disclosures?recordId=" + recordId);
        dpo.find("#revisions-link").click();
        dpo.waitFor("#revisions tr.revision");
        assertThat(dpo.path()).isEqualTo("/console/dpo/records/" + recordId + "/revisions");
        List<String> rows = dpo.all("#revisions tr.revision").stream().map(WebElement::getText).toList();
        JsonNode api = RegionData.getJson(region, "kz", "/api/v1/audit/records/" + recordId + "/revisions",
                region.token("KZ-MIGRATION", "dpo")).path("revisions");
        assertThat(rows).hasSize(Math.min(api.size(), 20));
        for (int i = 0; i < rows.size(); i++) {
            JsonNode revision = api.get(i);
            assertThat(rows.get(i)).as("revision %s", i).contains(revision.path("entityId").asString(),
                    EN.getProperty("history.entity." + revision.path("entity").asString()),
                    EN.getProperty("history.type." + revision.path("type").asString()), revision.path("actor").asString());
            String row = rows.get(i);
            revision.path("changedFields").forEach(field -> assertThat(row).as("revision %s", revision)
                    .contains(field.asString()));
        }
        assertThat(rows.get(0)).contains(EN.getProperty("history.entity.record"), EN.getProperty("history.type.ADD"));
        dpo.checked("dpo-revisions");
        dpo.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(dpo.script("return getComputedStyle(document.querySelector('header.top nav')).display"))
                .as("navigation when printed").isEqualTo("none");
        dpo.screenshot("dpo-revisions-print");
        dpo.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        dpo.open("/console/dpo/records/" + recordId + "/revisions?page=1");
        assertThat(dpo.find("#revisions .empty").getText()).isEqualTo(EN.getProperty("revisions.empty"));
        assertThat(dpo.find("#revisions .pager a").getText()).isEqualTo(EN.getProperty("revisions.earlier"));
        dpo.open("/console/dpo/records/" + java.util.UUID.randomUUID() + "/revisions");
        assertThat(dpo.find("#revisions .problem h2").getText()).isEqualTo(EN.getProperty("error.not_found"));
        assertThat(dpo.all("#revisions table")).isEmpty();
        dpo.checked("dpo-revisions-unknown");
        dpo.open("/console/dpo/records/not-a-uuid/revisions");
        assertThat(dpo.find("#revisions .problem h2").getText()).isEqualTo(EN.getProperty("error.invalid_parameter"));
        assertThat(dpo.find("#revisions .problem code").getText()).isEqualTo("recordId");

        dpo.open("/console/dpo/events?action=RECORD_READ&recordId=" + recordId);
        dpo.find("#events a.revisions").click();
        dpo.waitFor("#revisions tr.revision");
        assertThat(dpo.path()).isEqualTo("/console/dpo/records/" + recordId + "/revisions");
    }

    /**
     * Signs a checkpoint and downloads it (the API's export, as a file), checks the log against it as
     * uploaded and as pasted, sees two tampered copies refused with the API's codes, asks the peers;
     * every POST of the screen is refused without its CSRF token.
     */
    private static void dpoCheckpoints(ConsoleBrowser dpo) throws Exception {
        Path downloads = Files.createTempDirectory("dpo-checkpoints");
        dpo.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toAbsolutePath().toString()));
        dpo.open("/console/dpo/checkpoints");
        dpo.checked("dpo-checkpoints");
        dpo.find("#sign-checkpoint").click();
        Path file = downloaded(downloads);
        assertThat(file.getFileName().toString()).matches("checkpoint-kz-[0-9]{8}T[0-9]{6}Z\\.json");
        JsonNode export = Problems.json(Files.readString(file));
        assertThat(export.propertyNames()).containsExactlyInAnyOrder("nodeId", "headEventId", "headHash", "events",
                "lanes", "at", "keyId", "checkpoint");
        assertThat(export.path("nodeId").asString()).isEqualTo("kz");
        assertThat(dpo.path()).as("the page stays").isEqualTo("/console/dpo/checkpoints");

        dpo.find("#file").sendKeys(file.toAbsolutePath().toString());
        dpo.find("#verify-checkpoint").click();
        dpo.waitFor("#check-status");
        assertThat(dpo.find("#check-status").getText()).isEqualTo(EN.getProperty("checkpoints.extends"));
        assertThat(dpo.find("#check").getText()).contains(export.path("headHash").asString(),
                export.path("keyId").asString(), EN.getProperty("checkpoints.signature.valid"));
        assertThat(dpo.all("#first-break")).isEmpty();
        dpo.checked("dpo-checkpoint-verified");

        // The JWS alone, pasted: the export { "checkpoint": "<jws>" }.
        String jws = export.path("checkpoint").asString();
        paste(dpo, jws);
        assertThat(dpo.find("#check-status").getText()).isEqualTo(EN.getProperty("checkpoints.extends"));

        // Tampered: one character of the signature changed, then a count beside the JWS changed.
        int at = jws.lastIndexOf('.') + 20;
        String forged = jws.substring(0, at) + (jws.charAt(at) == 'A' ? 'B' : 'A') + jws.substring(at + 1);
        paste(dpo, Files.readString(file).replace(jws, forged));
        assertThat(dpo.find("#verify .problem h2").getText()).isEqualTo(EN.getProperty("error.checkpoint_bad_signature"));
        assertThat(dpo.all("#check")).isEmpty();
        assertThat(dpo.find("#text").getAttribute("value")).as("the text stays as pasted").contains(forged);
        dpo.checked("dpo-checkpoint-tampered");
        var altered = (tools.jackson.databind.node.ObjectNode) export.deepCopy();
        altered.put("events", export.path("events").asLong() + 1);
        paste(dpo, altered.toString());
        assertThat(dpo.find("#verify .problem h2").getText()).isEqualTo(EN.getProperty("error.checkpoint_malformed"));
        assertThat(dpo.find("#verify .problem code").getText()).isEqualTo("events");
        paste(dpo, "{\"checkpoint\": ");
        assertThat(dpo.find("#verify .problem h2").getText()).isEqualTo(EN.getProperty("error.malformed_body"));

        dpo.open("/console/dpo/checkpoints");
        dpo.find("#ask-peers").click();
        dpo.waitFor("#peer-table");
        assertThat(dpo.find("#peer-kg").getText()).contains("kg");
        dpo.checked("dpo-checkpoint-peers");

        String dpoToken = region.token("KZ-MIGRATION", "dpo");
        for (String action : List.of("CHECKPOINT_SIGNED", "CHECKPOINT_VERIFIED", "PEER_CHECKPOINTS_VERIFIED")) {
            assertThat(RegionData.getJson(region, "kz", "/api/v1/audit/events?action=" + action, dpoToken)
                    .path("total").asLong()).as(action).isPositive();
        }
        String cookie = "console-kz=" + dpo.sessionCookie("console-kz");
        for (String path : List.of("/console/dpo/checkpoints", "/console/dpo/checkpoints/verify",
                "/console/dpo/checkpoints/peers")) {
            HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(kz + path))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("text=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutToken.statusCode()).as("%s without its CSRF token", path).isEqualTo(403);
        }
    }

    /** Pastes {@code text} as the checkpoint to check (no file chosen) and sends the form. */
    private static void paste(ConsoleBrowser dpo, String text) {
        dpo.open("/console/dpo/checkpoints");
        dpo.script("document.getElementById('text').value = arguments[0]", text);
        dpo.find("#verify-checkpoint").click();
        new WebDriverWait(dpo.driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                By.cssSelector("#check-status, #verify .problem")).isEmpty());
    }

    /** The checkpoint file once the browser has finished writing it. */
    private static Path downloaded(Path folder) throws IOException, InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            try (var files = Files.list(folder)) {
                var done = files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")
                        && f.getFileName().toString().endsWith(".json")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint downloaded into " + folder);
    }

    @Test
    @DisplayName("DPO: a log rewritten after a checkpoint no longer extends it (the first break named, in words and"
            + " as its code), and a broken chain gets no checkpoint; put back, the log extends it again")
    void dpoCheckpointOfARewrittenLog() throws Exception {
        org.springframework.jdbc.core.JdbcTemplate owner = RegionData.owner(region, "kg");
        try (ConsoleBrowser dpo = new ConsoleBrowser(kg)) {
            dpo.signIn("dpo@kg-sms", "en");
            Path downloads = Files.createTempDirectory("dpo-kg-checkpoints");
            dpo.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    downloads.toAbsolutePath().toString()));
            dpo.open("/console/dpo/events"); // an event (the search) before the checkpoint
            dpo.open("/console/dpo/checkpoints");
            dpo.find("#sign-checkpoint").click();
            Path file = downloaded(downloads);

            // As a database superuser would: one event the checkpoint covers is rewritten.
            long event = owner.queryForObject("select min(id) from access_log", Long.class);
            assertThat(event).as("covered by the checkpoint")
                    .isLessThanOrEqualTo(Problems.json(Files.readString(file)).path("headEventId").asLong());
            String outcome = owner.queryForObject("select outcome from access_log where id = ?", String.class, event);
            rewrite(owner, event, "REFUSED".equals(outcome) ? "OK" : "REFUSED");
            try {
                dpo.open("/console/dpo/checkpoints");
                dpo.find("#file").sendKeys(file.toAbsolutePath().toString());
                dpo.find("#verify-checkpoint").click();
                dpo.waitFor("#check-status");
                assertThat(dpo.find("#check-status").getText()).isEqualTo(EN.getProperty("checkpoints.broken"));
                assertThat(dpo.find("#first-break").getText()).contains("event " + event,
                        EN.getProperty("break.content_digest_mismatch"), "content_digest_mismatch");
                assertThat(dpo.find("#check").getText()).contains(EN.getProperty("checkpoints.chain.broken"));
                dpo.checked("dpo-checkpoint-broken");

                dpo.open("/console/dpo/checkpoints");
                dpo.find("#sign-checkpoint").click();
                dpo.waitFor("#sign-broken");
                assertThat(dpo.find("#sign-broken h3").getText()).isEqualTo(EN.getProperty("checkpoints.sign.broken"));
                try (var files = Files.list(downloads)) {
                    assertThat(files.count()).as("no second file").isEqualTo(1);
                }
                dpo.checked("dpo-checkpoint-sign-refused");
            } finally {
                rewrite(owner, event, outcome);
            }
            dpo.open("/console/dpo/checkpoints");
            dpo.find("#file").sendKeys(file.toAbsolutePath().toString());
            dpo.find("#verify-checkpoint").click();
            dpo.waitFor("#check-status");
            assertThat(dpo.find("#check-status").getText()).isEqualTo(EN.getProperty("checkpoints.extends"));
        }
    }

    /** Sets an access-log row's outcome past the append-only trigger, as only the table's owner can. */
    private static void rewrite(org.springframework.jdbc.core.JdbcTemplate owner, long event, String outcome) {
        owner.execute("alter table access_log disable trigger access_log_no_update_or_delete");
        try {
            owner.update("update access_log set outcome = ? where id = ?", outcome, event);
        } finally {
            owner.execute("alter table access_log enable trigger access_log_no_update_or_delete");
        }
    }

    @Test
    @DisplayName("DPO: the activity chart is drawn from the table of events per day, whose counts are the access"
            + " log's: the test's own events move it by exactly their kinds")
    void dpoActivity() throws Exception {
        org.springframework.jdbc.core.JdbcTemplate log = RegionData.owner(region, "kz");
        try (ConsoleBrowser registrar = new ConsoleBrowser(kz); ConsoleBrowser dpo = new ConsoleBrowser(kz)) {
            registrar.signIn("registrar@kz-migration", "en");
            dpo.signIn("dpo@kz-migration", "en");
            Map<String, Long> before = today(dpo);
            long lastBefore = log.queryForObject("select coalesce(max(id), 0) from access_log", Long.class);
            // The test's own events: a registrar's search and look at a record that is not there, a DPO's search.
            registrar.open("/console/registrar/records?q=KZ-2026-000123");
            registrar.open("/console/registrar/records/" + java.util.UUID.randomUUID());
            dpo.open("/console/dpo/events?action=RECORD_READ");
            Map<String, Long> after = today(dpo);

            Map<String, Long> own = kinds(log.queryForList("select action, outcome from access_log where id > ?",
                    lastBefore));
            assertThat(own.get("READ")).as("the registrar's search").isPositive();
            assertThat(own.get("REFUSED")).as("the record that is not there").isPositive();
            assertThat(own.get("OVERSIGHT")).as("the DPO's search").isPositive();
            for (String kind : after.keySet()) {
                assertThat(after.get(kind) - before.get(kind)).as("%s today", kind).isEqualTo(own.getOrDefault(kind, 0L));
            }
            long day = Long.parseLong(dpo.find("#activity-table tbody tr").getAttribute("data-day"));
            Map<String, Long> logged = kinds(log.queryForList("select action, outcome from access_log"
                    + " where occurred_at >= ? and occurred_at < ?", Timestamp.from(Instant.ofEpochSecond(day)),
                    Timestamp.from(Instant.ofEpochSecond(day + 86_400))));
            for (String kind : after.keySet()) {
                assertThat(after.get(kind)).as("%s: the table against the log's events of the day", kind)
                        .isEqualTo(logged.getOrDefault(kind, 0L));
            }

            assertThat(dpo.all("#activity-chart canvas")).as("the chart is drawn").isNotEmpty();
            assertThat(dpo.find("#activity-chart").getAttribute("data-drawn")).as("days drawn").isEqualTo("30");
            assertThat(dpo.all("#activity-table tbody tr")).hasSize(30);
            dpo.checked("dpo-activity");
            dpo.open("/console/dpo/activity?lang=ru");
            dpo.waitFor("#activity-chart canvas");
            assertThat(dpo.find("#activity h1").getText()).isEqualTo(RU.getProperty("activity.title"));
            dpo.checked("dpo-activity-ru");
            dpo.open("/console/dpo/activity?lang=en");

            dpo.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            dpo.open("/console/dpo/activity");
            dpo.waitFor("#activity-chart canvas");
            assertThat(dpo.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            dpo.checked("dpo-activity-360px");
        }
    }

    /** Opens the activity screen and reads today's row (the first: newest first): kind → count. */
    private static Map<String, Long> today(ConsoleBrowser dpo) {
        dpo.open("/console/dpo/activity");
        dpo.waitFor("#activity-chart canvas");
        WebElement row = dpo.find("#activity-table tbody tr");
        assertThat(Long.parseLong(row.getAttribute("data-day")))
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay() * 86_400);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WebElement cell : row.findElements(By.cssSelector("td[data-kind]"))) {
            counts.put(cell.getAttribute("data-kind"), Long.parseLong(cell.getAttribute("data-count")));
        }
        assertThat(counts.keySet()).containsExactly("RELEASED", "REFUSED", "READ", "OVERSIGHT", "OTHER");
        return counts;
    }

    /** The events counted by kind, as the activity screen counts them. */
    private static Map<String, Long> kinds(List<Map<String, Object>> events) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            counts.merge(org.regionalexchange.gateway.audit.ActivityKind.of((String) event.get("action"),
                    (String) event.get("outcome")).name(), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    @DisplayName("the CSP detector catches a planted inline script, and the policy blocks it")
    void cspViolationsAreSeen() {
        try (ConsoleBrowser officer = new ConsoleBrowser(kg)) {
            officer.open("/console/sign-in");
            officer.newCspViolations();
            officer.script("const s = document.createElement('script'); s.textContent = 'window.ran = true';"
                    + " document.body.appendChild(s);");
            assertThat(officer.script("return window.ran === true")).isEqualTo(false);
            assertThat(officer.newCspViolations()).isNotEmpty();
        }
    }

    @Test
    @DisplayName("session fixation, open redirects: a new session id at sign-in, and never a trip to another host")
    void sessionFixationAndOpenRedirect() {
        try (ConsoleBrowser officer = new ConsoleBrowser(kg)) {
            officer.open("/console/sign-in?redirect=https://evil.example/&next=//evil.example&returnTo=https://evil.example");
            String before = officer.sessionCookie("console-kg");
            assertThat(before).as("a session before sign-in (it holds the authorization request)").isNotNull();
            assertThat(officer.cookie("console-kg").isHttpOnly()).isTrue();
            assertThat(officer.cookie("console-kg").getSameSite()).isEqualTo("Strict");
            officer.find("#sign-in").click();
            officer.signInAtProvider("officer@kg-sms");
            assertThat(officer.driver.getCurrentUrl()).startsWith(kg + "/console");
            assertThat(officer.sessionCookie("console-kg")).as("the session id changes at sign-in").isNotEqualTo(before);

            for (String attempt : List.of("/console?redirect=https://evil.example/", "/console/sign-in?redirect=//evil.example",
                    "/oauth2/authorization/console?redirect_uri=https://evil.example/",
                    "/login/oauth2/code/console?code=x&state=y&redirect=https://evil.example/")) {
                officer.open(attempt);
                new WebDriverWait(officer.driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().startsWith(kg));
                assertThat(URI.create(officer.driver.getCurrentUrl()).getHost()).as(attempt).isEqualTo("127.0.0.1");
                assertThat(officer.driver.getCurrentUrl()).as(attempt).doesNotContain("evil.example/?");
            }
        }
    }

    @Test
    @DisplayName("CSRF and framing: a change without the token is refused; every console answer forbids framing")
    void csrfAndFraming() throws Exception {
        try (ConsoleBrowser officer = new ConsoleBrowser(kg)) {
            officer.signIn("officer@kg-sms", "en");
            String cookie = "console-kg=" + officer.sessionCookie("console-kg");
            HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(kg + "/console/officer/requests"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("holderAgency=KZ-MIGRATION&purpose=RSD_CASE_PROCESSING"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutToken.statusCode()).isEqualTo(403);
            HttpResponse<String> signOutWithoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(kg
                    + "/console/sign-out")).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signOutWithoutToken.statusCode()).as("sign-out without token").isEqualTo(403);
            officer.open("/console/officer/requests");
            assertThat(officer.path()).as("still signed in").isEqualTo("/console/officer/requests");

            for (String path : List.of("/console/sign-in", "/console/officer/requests", "/console/static/console.css")) {
                HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(kg + path))
                        .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
                assertThat(page.headers().allValues("Content-Security-Policy")).as(path)
                        .anySatisfy(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            }
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(kg + "/console/officer/requests"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("default-src 'self'").contains("script-src 'nonce-").doesNotContain("unsafe");
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");

            // Another role's screens are refused, and no path outside the console table is served.
            officer.open("/console/reviewer/queue");
            assertThat(officer.find("h1").getText()).isEqualTo(EN.getProperty("denied.title"));
        }
    }

    @Test
    @DisplayName("usable at 360 px: the request form needs no sideways scrolling")
    void smallScreen() {
        try (ConsoleBrowser officer = new ConsoleBrowser(kg)) {
            officer.signIn("officer@kg-sms", "ru");
            officer.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            officer.open("/console/officer/requests/new");
            assertThat(officer.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            officer.checked("request-form-360px");
        }
    }

    @Test
    @DisplayName("the console is off on a node without an issuer: /console is refused by the API's chain, no sign-in")
    void offWithoutIssuer() throws Exception {
        region.start("tj");
        for (String path : List.of("/console", "/console/sign-in", "/oauth2/authorization/console")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(region.uri("tj", path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    @DisplayName("statistics: this node's and the region's tables, suppressed cells marked as such, every node named,"
            + " the CSV file as the API makes it")
    void statistics() throws Exception {
        // The sample records registered in a month long past, as a DBA would move them: a month the background
        // release (the last 36 months) has not released yet, so the first look releases it with these records.
        String month = "2021-06";
        RegionData.owner(region, "kz").update("update subject_record set created_at = ?",
                Timestamp.from(Instant.parse("2021-06-10T10:00:00Z")));
        try (ConsoleBrowser reviewer = new ConsoleBrowser(kz)) {
            reviewer.signIn("reviewer@kz-migration", "en");
            reviewer.open("/console/statistics");
            assertThat(reviewer.find("#from").getAttribute("value")).as("the last released month is offered")
                    .matches("[0-9]{4}-[0-9]{2}");
            reviewer.find("#from").clear();
            reviewer.find("#from").sendKeys(month);
            reviewer.find("#to").clear();
            reviewer.find("#to").sendKeys(month);
            reviewer.find("#show").click();
            reviewer.waitFor("#node-figures");
            assertThat(reviewer.all("#node-figures .stat-table")).isNotEmpty();
            assertThat(reviewer.all("#region-figures .stat-table")).isNotEmpty();
            assertThat(reviewer.find("#node-figures").getText()).contains("records-registered", month);
            List<WebElement> suppressed = reviewer.all("#node-figures tr.suppressed");
            assertThat(suppressed).as("six records leave a small cell somewhere").isNotEmpty();
            assertThat(suppressed.get(0).findElement(By.cssSelector(".mark")).getText())
                    .isEqualTo(EN.getProperty("statistics.suppressed"));
            assertThat(suppressed.get(0).findElements(By.cssSelector(".bar-x"))).hasSize(1);
            assertThat(reviewer.all("#node-figures tr:not(.suppressed) .bar")).isNotEmpty();
            assertThat(reviewer.all("#region-figures tr.suppressed")).as("held back at kz, so not in the sum")
                    .isNotEmpty();
            for (String node : List.of("kg", "kz", "tj")) {
                assertThat(reviewer.find("#answer-" + node).getText()).contains(node);
            }
            assertThat(reviewer.find("#answer-kz").getText()).contains(EN.getProperty("statistics.node.verified"));
            reviewer.checked("statistics-en");

            HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(kz
                    + "/console/statistics/node.csv?from=" + month + "&to=" + month))
                    .header("Cookie", "console-kz=" + reviewer.sessionCookie("console-kz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/csv"));
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment"));
            assertThat(csv.body()).startsWith("node,population,unit,month,table,cell,value,suppressed,threshold\r\n")
                    .contains("kz,records-registered,persons," + month + ",total,,6,false,");
            assertThat(csv.body().lines()).anyMatch(line -> line.matches("kz,records-registered,.*,,true,[0-9]+"));
            HttpResponse<String> regionCsv = HTTP.send(HttpRequest.newBuilder(URI.create(kz
                    + "/console/statistics/region.csv?from=" + month + "&to=" + month))
                    .header("Cookie", "console-kz=" + reviewer.sessionCookie("console-kz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(regionCsv.statusCode()).isEqualTo(200);
            assertThat(regionCsv.body()).startsWith("population,unit,month,table,cell,value,complete,suppressed_at");

            reviewer.open("/console/statistics?lang=ru");
            reviewer.checked("statistics-ru");
        }
    }

    /** The XSS corpus of the registrar's screens: Latin, Cyrillic and Arabic script. */
    private static final List<String> REGISTRAR_XSS = List.of(
            "<script>alert('x')</script>",
            "\"><img src=x onerror=alert(1)>",
            "Ахмад<script>alert(document.cookie)</script>",
            "احمد\"><svg onload=alert(1)>",
            "{{7*7}}[[${7*7}]]<b onmouseover=alert(1)>Rahimi</b>");

    @Test
    @DisplayName("screen, refer, accept: a KG-BORDER screener refers a person with consent to KG-SMS, whose registrar"
            + " finds it in the inbox (urgent first), acknowledges, accepts, prints the slip, opens a record from it once,"
            + " and completes it")
    void referralScreenReferAccept() throws Exception {
        // On node kg: the statistics test counts the records of node kz.
        try (ConsoleBrowser screener = new ConsoleBrowser(kg); ConsoleBrowser registrar = new ConsoleBrowser(kg)) {
            screener.signIn("screener@kg-border", "en");
            String urgent = referToRsd(screener, "Nazari", "Mariam", "SERIOUS_MEDICAL_CONDITION", "KG-BORDER-CONSENT-0100");
            String id = referToRsd(screener, "Хабиби", "Навид", null, "KG-BORDER-CONSENT-0101");

            registrar.signIn("registrar@kg-sms", "en");
            registrar.find("header.top nav a[href='/console/registrar/referrals']").click();
            registrar.waitFor("#inbox-" + id);
            List<String> order = registrar.all("#referrals tbody tr").stream().map(row -> row.getAttribute("id")).toList();
            assertThat(order.indexOf("inbox-" + urgent)).as("the urgent referral waiting for acknowledgement comes first,"
                    + " though sent earlier").isLessThan(order.indexOf("inbox-" + id)).isNotNegative();
            String row = registrar.find("#inbox-" + id).getText();
            assertThat(row).contains(EN.getProperty("referralStatus.SENT"), EN.getProperty("priority.NORMAL"),
                    EN.getProperty("referralType.ASYLUM_PROCEDURE"), "KG-BORDER (node kg)");
            assertThat(row).as("no personal data in the list").doesNotContain("Хабиби", "Навид");
            assertThat(registrar.find("#inbox-" + urgent).getText()).contains(EN.getProperty("priority.URGENT"));
            registrar.checked("registrar-inbox-en");

            registrar.find("#inbox-" + id + " a").click();
            registrar.waitFor("#referral-status");
            assertThat(registrar.find("#referral-status").getText()).isEqualTo(EN.getProperty("referralStatus.SENT"));
            assertThat(registrar.find("#referred-categories").getText()).contains(EN.getProperty("referralCategory.IDENTITY"),
                    EN.getProperty("referralCategory.SCREENING"));
            assertThat(registrar.find("#basis .basis").getText()).isEqualTo(EN.getProperty("basis.CONSENT"));
            assertThat(registrar.find("#basis .evidence-ref").getText()).isEqualTo("KG-BORDER-CONSENT-0101");
            assertThat(registrar.find("#referred-identity .family-name").getText()).isEqualTo("Хабиби");
            assertThat(registrar.find("#referred-identity .latin-computed").getText()).isEqualTo("Khabibi Navid");
            assertThat(registrar.find("#indicator-POTENTIAL_ASYLUM_SEEKER").getText())
                    .contains(EN.getProperty("indicator.POTENTIAL_ASYLUM_SEEKER")).contains("Persecution");
            assertThat(registrar.all("#accept, #decline, #complete, #open-record")).as("only acknowledgement when SENT").isEmpty();
            registrar.checked("registrar-referral-sent");

            registrar.find("#acknowledge button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.RECEIVED"));
            assertThat(registrar.path()).as("htmx replaced the state in place").isEqualTo("/console/registrar/referrals/" + id);
            assertThat(registrar.find("#state .done").getText()).isEqualTo(EN.getProperty("referralStep.done.RECEIVED"));
            registrar.find("#accept button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.ACCEPTED"));
            assertThat(registrar.all("#history tr.step")).hasSize(3);
            registrar.checked("registrar-referral-accepted");
            registrar.script("document.getElementById('history').scrollIntoView()");
            registrar.screenshot("registrar-referral-accepted-steps");

            String slip = registrar.find("#referral-slip").getAttribute("href");
            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(slip))
                    .header("Cookie", "console-kg=" + registrar.sessionCookie("console-kg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(org.regionalexchange.gateway.testing.PdfText.of(pdf)).contains("KG-BORDER-CONSENT-0101");

            registrar.find("#open-record").click();
            registrar.waitFor("#open-record-form");
            assertThat(registrar.find("#open-familyName").getText()).as("referred: kept as referred, not an input")
                    .contains("Хабиби");
            assertThat(registrar.all("input[name=familyName]")).isEmpty();
            assertThat(registrar.find("#open-latinFamilyName-hint").getText()).contains("Khabibi");
            registrar.checked("registrar-open-record");
            String reference = "KG-SMS-" + id.substring(0, 8);
            registrar.find("#open-holderRecordRef").sendKeys(reference);
            registrar.find("#open-latinFamilyName").sendKeys("Habibi");
            new Select(registrar.find("#open-status")).selectByValue("ASYLUM_SEEKER");
            registrar.script("document.getElementById('open-statusDate').value = '2026-12-01'");
            registrar.find("#open-submit").click();
            registrar.waitFor("#record dl.record");
            assertThat(registrar.find("#record-done").getText()).contains(EN.getProperty("record.openedFromReferral"));
            assertThat(registrar.find(".reference").getText()).isEqualTo(reference);
            assertThat(registrar.find(".family-name").getText()).isEqualTo("Хабиби");
            assertThat(registrar.find(".latin-family-name").getText()).isEqualTo("Habibi");
            registrar.checked("registrar-record-from-referral");

            // Once: the referral now links the record and offers no second opening.
            registrar.find("#back-to-referral").click();
            registrar.waitFor("#opened-record");
            assertThat(registrar.all("#open-record")).isEmpty();
            registrar.open("/console/registrar/referrals/" + id + "/record");
            assertThat(registrar.path()).isEqualTo("/console/registrar/referrals/" + id);
            registrar.find("#opened-record").click();
            assertThat(registrar.find(".reference").getText()).isEqualTo(reference);

            // Never more than the API: a registrar of the sending agency sees the accepted referral, takes no step.
            try (ConsoleBrowser sender = new ConsoleBrowser(kg)) {
                sender.signIn("registrar@kg-border", "en");
                sender.open("/console/registrar/referrals/" + id);
                sender.waitFor("#referral-status");
                assertThat(sender.find("#referral-status").getText()).isEqualTo(EN.getProperty("referralStatus.ACCEPTED"));
                assertThat(sender.all("#acknowledge, #accept, #decline, #complete, #open-record, #opened-record")).isEmpty();
                assertThat(sender.find("#state").getText()).contains(EN.getProperty("inbound.notReceiver"));
                sender.open("/console/registrar/referrals/" + id + "/record");
                assertThat(sender.all("#open-record-form")).isEmpty();
                assertThat(sender.find("#open-record-page").getText()).contains(EN.getProperty("inbound.notReceiver"));
                sender.open("/console/registrar/referrals");
                assertThat(sender.all("#inbox-" + id)).as("not in the sender's inbox").isEmpty();
            }

            registrar.open("/console/registrar/referrals/" + id);
            registrar.find("#complete-yes").click();
            registrar.find("#complete button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.COMPLETED"));
            assertThat(registrar.find("#state").getText()).contains(java.text.MessageFormat.format(
                    EN.getProperty("inbound.noAction"), EN.getProperty("referralStatus.COMPLETED")));
            assertThat(registrar.all("#complete, #open-record")).isEmpty();
            registrar.checked("registrar-referral-completed");

            screener.open("/console/screener/referrals/" + id);
            assertThat(screener.find("#referral-status").getText()).isEqualTo(EN.getProperty("referralStatus.COMPLETED"));
        }
    }

    @Test
    @DisplayName("decline, across nodes: a referral from node kz reaches KG-SMS's inbox; acknowledged without JavaScript,"
            + " declined only with a reason (the API's refusal shown), the XSS corpus in the reason shown as text;"
            + " the sender sees it declined; the screens at 360 px")
    void referralDeclinedAcrossNodes() throws Exception {
        String id = referAcrossNodes("Karimi");
        try (ConsoleBrowser registrar = new ConsoleBrowser(kg)) {
            registrar.signIn("registrar@kg-sms", "ru");
            awaitInInbox(registrar, id);
            assertThat(registrar.find("#inbox-" + id).getText()).contains("KZ-BORDER (узел kz)",
                    RU.getProperty("referralStatus.SENT"));
            registrar.checked("registrar-inbox-ru");
            registrar.find("#inbox-" + id + " a").click();
            registrar.waitFor("#acknowledge");
            assertThat(registrar.find("#from").getText()).isEqualTo("KZ-BORDER (узел kz)");
            registrar.checked("registrar-referral-ru");

            // Without JavaScript: the plain form posts, the page comes back with the step taken.
            String csrf = registrar.find("#acknowledge input[name=_csrf]").getAttribute("value");
            HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(kg + "/console/registrar/referrals/"
                    + id + "/acknowledgement")).header("Cookie", "console-kg=" + registrar.sessionCookie("console-kg"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(302);
            assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/console/registrar/referrals/" + id));
            registrar.open("/console/registrar/referrals/" + id);
            assertThat(registrar.find("#referral-status").getText()).isEqualTo(RU.getProperty("referralStatus.RECEIVED"));
            assertThat(registrar.find("#state .done").getText()).isEqualTo(RU.getProperty("referralStep.done.RECEIVED"));

            // A decline without its reason: the service's refusal, as a message of its code.
            registrar.script("document.getElementById('decline-reason').removeAttribute('required')");
            registrar.find("#decline button").click();
            registrar.waitFor("#state .problem");
            assertThat(registrar.find("#state .problem h2").getText()).isEqualTo(RU.getProperty("error.invalid_value"));
            assertThat(registrar.find("#state .problem").getText()).contains("reason");
            assertThat(registrar.find("#referral-status").getText()).isEqualTo(RU.getProperty("referralStatus.RECEIVED"));
            registrar.checked("registrar-decline-refused-ru");

            String reason = String.join(" | ", REGISTRAR_XSS);
            registrar.find("#decline-reason").sendKeys(reason);
            registrar.find("#decline button").click();
            waitForText(registrar, "#referral-status", RU.getProperty("referralStatus.DECLINED"));
            assertNotRun(registrar, reason);
            assertThat(registrar.all("#history tr.step").get(2).getText()).contains(reason);
            assertThat(registrar.all("#accept, #decline, #complete, #open-record")).as("nothing more after a decline").isEmpty();
            assertThat(registrar.find("#state").getText()).contains(RU.getProperty("referralStatus.DECLINED"));
            registrar.checked("registrar-referral-declined-ru");

            awaitAtSender(id, "DECLINED");

            registrar.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            for (String path : List.of("/console/registrar/referrals", "/console/registrar/referrals/" + id)) {
                registrar.open(path);
                assertThat(registrar.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scrolling at 360 px: %s", path).isEqualTo(true);
            }
            registrar.checked("registrar-referral-360px");
        }
    }

    @Test
    @DisplayName("sent referrals: a KG-BORDER screener refers a person and finds it in the agency's sent referrals"
            + " (SENT, arrived on the same node); the KG-SMS registrar accepts it in another session; the sender's list"
            + " shows it ACCEPTED, by status; the sender's page shows its history and the consent as given")
    void sentReferralsFollowTheReceiver() throws Exception {
        try (ConsoleBrowser screener = new ConsoleBrowser(kg); ConsoleBrowser registrar = new ConsoleBrowser(kg)) {
            screener.signIn("screener@kg-border", "en");
            String id = referToRsd(screener, "Rahimi", "Farid", null, "KG-BORDER-CONSENT-0300");
            assertThat(screener.path()).as("the sender's page of the referral").isEqualTo("/console/referrals/sent/" + id);
            assertThat(screener.find("#sent-referral .done").getText()).contains("KG-SMS");

            screener.open("/console");
            screener.find(".cards a[href='/console/referrals/sent']").click();
            screener.waitFor("#sent-" + id);
            assertThat(screener.all("#sent tbody tr").get(0).getAttribute("id")).as("newest first").isEqualTo("sent-" + id);
            String row = screener.find("#sent-" + id).getText();
            assertThat(row).contains(EN.getProperty("referralStatus.SENT"), "KG-SMS",
                    EN.getProperty("referralType.ASYLUM_PROCEDURE"), EN.getProperty("priority.NORMAL"),
                    EN.getProperty("delivery.LOCAL"));
            assertThat(row).as("no personal data in the list").doesNotContain("Rahimi", "Farid");
            screener.checked("sent-referrals-en");

            registrar.signIn("registrar@kg-sms", "en");
            registrar.open("/console/registrar/referrals/" + id);
            registrar.find("#acknowledge button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.RECEIVED"));
            registrar.find("#accept button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.ACCEPTED"));

            screener.find("header.top nav a[href='/console/referrals/sent']").click();
            screener.waitFor("#sent-" + id);
            assertThat(screener.find("#sent-" + id + " .status").getText()).isEqualTo(EN.getProperty("referralStatus.ACCEPTED"));
            new Select(screener.find("#status")).selectByValue("ACCEPTED");
            screener.find("#sent-filter-apply").click();
            screener.waitFor("#sent-" + id);
            assertThat(screener.all("#sent tbody td.status")).allSatisfy(status -> assertThat(status.getText())
                    .isEqualTo(EN.getProperty("referralStatus.ACCEPTED")));
            screener.checked("sent-referrals-accepted-en");
            new Select(screener.find("#status")).selectByValue("REVOKED");
            screener.find("#sent-filter-apply").click();
            screener.waitFor("#sent-filter");
            assertThat(screener.all("#sent-" + id)).as("not revoked").isEmpty();

            screener.open("/console/referrals/sent");
            screener.find("#sent-" + id + " a").click();
            screener.waitFor("#referral-status");
            assertThat(screener.find("#referral-status").getText()).isEqualTo(EN.getProperty("referralStatus.ACCEPTED"));
            assertThat(screener.all("#history tr.step")).hasSize(3);
            assertThat(screener.find("#basis .basis").getText()).isEqualTo(EN.getProperty("basis.CONSENT"));
            assertThat(screener.find("#basis .evidence-ref").getText()).isEqualTo("KG-BORDER-CONSENT-0300");
            assertThat(screener.find("#delivery").getText()).isEqualTo(EN.getProperty("delivery.LOCAL"));
            assertThat(screener.all("#revoke")).as("open: the sender may revoke it").hasSize(1);
            screener.checked("sent-referral-en");
        }
    }

    @Test
    @DisplayName("revocation, across nodes: a KZ-BORDER registrar sees the referral to KG-SMS arrive, is refused a"
            + " revocation without its reason, revokes with htmx (the receiving node learns it), revokes another without"
            + " JavaScript with its CSRF token (and not without it); the screens at 360 px")
    void sentReferralRevokedAcrossNodes() throws Exception {
        String id = referAcrossNodes("Sultani");
        String second = referAcrossNodes("Sultani");
        try (ConsoleBrowser sender = new ConsoleBrowser(kz)) {
            sender.signIn("registrar@kz-border", "ru");
            sender.find(".cards a[href='/console/referrals/sent']").click();
            new WebDriverWait(sender.driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(d -> {
                sender.open("/console/referrals/sent");
                return d.findElements(By.cssSelector("#sent-" + id + " .delivery")).stream()
                        .anyMatch(cell -> cell.getText().equals(RU.getProperty("delivery.DELIVERED")));
            });
            assertThat(sender.find("#sent-" + id).getText()).contains("KG-SMS", RU.getProperty("referralStatus.SENT"));
            sender.checked("sent-referrals-ru");

            sender.find("#sent-" + id + " a").click();
            sender.waitFor("#revoke");
            assertThat(sender.find("#delivery").getText()).isEqualTo(RU.getProperty("delivery.DELIVERED"));
            sender.script("document.getElementById('revoke-reason').removeAttribute('required')");
            sender.find("#revoke button").click();
            sender.waitFor("#state .problem");
            assertThat(sender.find("#state .problem h2").getText()).isEqualTo(RU.getProperty("error.invalid_value"));
            assertThat(sender.find("#state .problem").getText()).contains("reason");
            assertThat(sender.find("#referral-status").getText()).isEqualTo(RU.getProperty("referralStatus.SENT"));
            sender.checked("sent-revoke-refused-ru");

            sender.find("#revoke-reason").sendKeys("Человек отозвал согласие.");
            sender.find("#revoke button").click();
            waitForText(sender, "#referral-status", RU.getProperty("referralStatus.REVOKED"));
            assertThat(sender.path()).as("htmx replaced the state in place").isEqualTo("/console/referrals/sent/" + id);
            assertThat(sender.find("#state .done").getText()).isEqualTo(RU.getProperty("referralStep.done.REVOKED"));
            assertThat(sender.all("#history tr.step").get(1).getText()).contains("Человек отозвал согласие.");
            assertThat(sender.all("#revoke")).as("nothing more after a revocation").isEmpty();
            sender.checked("sent-referral-revoked-ru");
            awaitAtReceiver(id, "REVOKED");

            // Without JavaScript: refused without the CSRF token; with it, a redirect to the page, revoked.
            sender.open("/console/referrals/sent/" + second);
            String cookie = "console-kz=" + sender.sessionCookie("console-kz");
            String path = "/console/referrals/sent/" + second + "/revocation";
            HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(kz + path))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("reason=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withoutToken.statusCode()).as("without its CSRF token").isEqualTo(403);
            sender.open("/console/referrals/sent/" + second);
            assertThat(sender.find("#referral-status").getText()).isEqualTo(RU.getProperty("referralStatus.SENT"));
            String csrf = sender.find("#revoke input[name=_csrf]").getAttribute("value");
            HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(kz + path))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&reason=Duplicate")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(302);
            assertThat(plain.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/console/referrals/sent/" + second));
            sender.open("/console/referrals/sent/" + second);
            assertThat(sender.find("#referral-status").getText()).isEqualTo(RU.getProperty("referralStatus.REVOKED"));
            assertThat(sender.find("#state .done").getText()).isEqualTo(RU.getProperty("referralStep.done.REVOKED"));

            sender.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            for (String page : List.of("/console/referrals/sent", "/console/referrals/sent/" + id)) {
                sender.open(page);
                assertThat(sender.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scrolling at 360 px: %s", page).isEqualTo(true);
            }
            sender.checked("sent-referral-360px");
        }
    }

    @Test
    @DisplayName("XSS on the sender's pages: a referral's note and its revocation's reason, and a status filter, show"
            + " the payload back as text and never run it")
    void xssInSentReferrals() throws Exception {
        String payloads = String.join(" | ", REGISTRAR_XSS);
        java.util.UUID screening = org.regionalexchange.gateway.testing.ScreeningData.id(
                org.regionalexchange.gateway.testing.ScreeningData.record(region, "kz", "KZ-BORDER",
                        org.regionalexchange.gateway.testing.ScreeningData.adultAsylumSeeker("Azimi")));
        // To KZ-MIGRATION on the same node, with consent, the corpus as its note.
        tools.jackson.databind.node.ObjectNode body = tools.jackson.databind.json.JsonMapper.builder().build()
                .createObjectNode();
        body.put("screeningId", screening.toString()).put("toAgency", "KZ-MIGRATION").put("type", "ASYLUM_PROCEDURE")
                .put("note", payloads).putArray("categories").add("IDENTITY");
        body.putObject("consent").put("givenBy", "SUBJECT").put("informedInLanguage", "prs").put("interpreterPresent", true);
        HttpResponse<String> sent = Http.postJson(region.uri("kz", "/api/v1/referrals"),
                region.token("KZ-BORDER", "screener"), body.toString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = Problems.json(sent.body()).path("id").asString();
        try (ConsoleBrowser screener = new ConsoleBrowser(kz)) {
            screener.signIn("screener@kz-border", "en");
            screener.open("/console/referrals/sent/" + id);
            screener.waitFor("#basis .note");
            assertNotRun(screener, payloads);
            assertThat(screener.find("#basis .note").getText()).isEqualTo(payloads);
            screener.checked("xss-sent-referral");

            screener.find("#revoke-reason").sendKeys(payloads);
            screener.find("#revoke button").click();
            waitForText(screener, "#referral-status", EN.getProperty("referralStatus.REVOKED"));
            assertNotRun(screener, payloads);
            assertThat(screener.all("#history tr.step").get(1).getText()).contains(payloads);
            screener.checked("xss-sent-referral-revoked");

            for (String payload : REGISTRAR_XSS) {
                screener.open("/console/referrals/sent?status=" + java.net.URLEncoder.encode(payload, StandardCharsets.UTF_8));
                screener.waitFor(".problem");
                assertNotRun(screener, payload);
                assertThat(screener.find(".problem h2").getText()).isEqualTo(EN.getProperty("error.invalid_parameter"));
                assertThat(screener.newCspViolations()).as("CSP violations for %s", payload).isEmpty();
            }
            screener.checked("xss-sent-filter");
        }
    }

    @Test
    @DisplayName("record edit: the names with their computed Latin spelling (live with htmx), a change saved, and a"
            + " stale edit refused as a conflict with nothing overwritten; the form at 360 px")
    void recordEditWithStaleVersion() throws Exception {
        String id = createRecord("KG-EDIT-" + java.util.UUID.randomUUID().toString().substring(0, 8), "Хабиби", "Навид");
        try (ConsoleBrowser first = new ConsoleBrowser(kg); ConsoleBrowser second = new ConsoleBrowser(kg)) {
            first.signIn("registrar@kg-sms", "en");
            first.open("/console/registrar/records/" + id);
            assertThat(first.find(".latin-computed").getText()).isEqualTo("Khabibi Navid");
            first.find("#edit-record").click();
            first.waitFor("#record-edit-form");
            assertThat(first.find("#familyName").getAttribute("value")).isEqualTo("Хабиби");
            assertThat(first.find("#transliteration .latin-computed").getText()).isEqualTo("Khabibi Navid");
            assertThat(first.find("#claimSummary").getAttribute("value")).isEqualTo("Threatened for his work.");
            first.checked("registrar-record-edit");
            first.find("#familyName").clear();
            first.find("#familyName").sendKeys("Ёкубов");
            new WebDriverWait(first.driver, Duration.ofSeconds(30)).until(d -> d.findElement(
                    By.cssSelector("#transliteration .latin-computed")).getText().equals("Yokubov Navid"));
            assertThat(first.newCspViolations()).isEmpty();

            second.signIn("registrar@kg-sms", "en");
            second.open("/console/registrar/records/" + id + "/edit");
            new Select(second.find("#status")).selectByValue("REFUGEE");
            second.script("document.getElementById('statusDate').value = '2026-04-02'");
            second.find("#reason").sendKeys("RSD decision of 2026-04-02");
            second.find("#save").click();
            second.waitFor("#record-done");
            assertThat(second.find("#record-done").getText()).isEqualTo(EN.getProperty("record.saved"));
            assertThat(second.find("#record").getText()).contains(EN.getProperty("caseStatus.REFUGEE"));

            // The first registrar still holds the version before that change.
            first.find("#latinFamilyName").sendKeys("Yokubov");
            first.find("#save").click();
            first.waitFor(".stale");
            assertThat(first.find(".stale h2").getText()).isEqualTo(EN.getProperty("error.conflict"));
            assertThat(first.find(".stale").getText()).contains(EN.getProperty("recordEdit.stale"));
            assertThat(first.find("#familyName").getAttribute("value")).as("what was typed is kept").isEqualTo("Ёкубов");
            assertThat(first.find("#latinFamilyName").getAttribute("value")).isEqualTo("Yokubov");
            first.checked("registrar-record-edit-stale");
            first.open("/console/registrar/records/" + id);
            assertThat(first.find(".family-name").getText()).as("nothing overwritten").isEqualTo("Хабиби");
            assertThat(first.find(".latin-family-name").getText()).isEmpty();
            assertThat(first.find("#record").getText()).contains(EN.getProperty("caseStatus.REFUGEE"));

            first.open("/console/registrar/records/" + id + "/edit");
            first.find("#familyName").clear();
            first.find("#familyName").sendKeys("Ёкубов");
            first.find("#latinFamilyName").sendKeys("Yokubov");
            first.find("#save").click();
            first.waitFor("#record-done");
            assertThat(first.find(".family-name").getText()).isEqualTo("Ёкубов");
            assertThat(first.find(".latin-family-name").getText()).isEqualTo("Yokubov");
            assertThat(first.find("#record").getText()).as("the other change kept").contains(EN.getProperty("caseStatus.REFUGEE"));
            first.open("/console/registrar/records/" + id + "/history");
            assertThat(first.all("#history tr.revision").stream().map(WebElement::getText).toList())
                    .anySatisfy(revision -> assertThat(revision).contains("RSD decision of 2026-04-02"));

            first.driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            first.open("/console/registrar/records/" + id + "/edit");
            assertThat(first.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
            first.checked("registrar-record-edit-360px");
        }
    }

    @Test
    @DisplayName("XSS in the registrar's new forms: every text field of the record edit and of the opening of a record from"
            + " a referral, and the completion's reason, show the payload back as text and never run it")
    void xssInRegistrarForms() throws Exception {
        String recordId = createRecord("KG-XSS-" + java.util.UUID.randomUUID().toString().substring(0, 8), "Rahimi", "Ahmad");
        String referralId = referAcrossNodes("Hakimi");
        try (ConsoleBrowser registrar = new ConsoleBrowser(kg)) {
            registrar.signIn("registrar@kg-sms", "en");
            awaitInInbox(registrar, referralId);
            String receiver = region.token("KG-SMS", "registrar");
            for (String step : List.of("acknowledgement", "acceptance")) {
                assertThat(Http.postJson(region.uri("kg", "/api/v1/referrals/" + referralId + "/" + step), receiver, "{}")
                        .statusCode()).isEqualTo(200);
            }
            int i = 0;
            for (String payload : REGISTRAR_XSS) {
                registrar.open("/console/registrar/records/" + recordId + "/edit");
                List<WebElement> fields = registrar.all("#record-edit-form input[type=text], #record-edit-form textarea");
                assertThat(fields).hasSizeGreaterThan(15);
                List<String> typed = new java.util.ArrayList<>();
                for (WebElement field : fields) {
                    field.clear();
                    field.sendKeys(payload);
                    typed.add(field.getAttribute("id"));
                }
                registrar.find("#save").click();
                registrar.waitFor("#record-edit .problem");
                assertNotRun(registrar, payload);
                // Each field typed into shows the payload again (a filled row also brings one more, empty row).
                for (String field : typed) {
                    WebElement shown = registrar.find("#" + field);
                    assertThat(shown.getAttribute("value")).as(field).isEqualTo(cut(payload, shown.getAttribute("maxlength")));
                }
                assertThat(registrar.find("#transliteration").getText()).doesNotContain("<");
                registrar.checked("xss-record-edit-" + i);

                registrar.open("/console/registrar/referrals/" + referralId + "/record");
                registrar.waitFor("#open-record-form");
                List<WebElement> opening = registrar.all("#open-record-form input[type=text]");
                assertThat(opening).isNotEmpty();
                for (WebElement field : opening) {
                    field.sendKeys(payload);
                }
                registrar.find("#open-submit").click();
                registrar.waitFor("#open-record-page .problem");
                assertNotRun(registrar, payload);
                for (WebElement field : registrar.all("#open-record-form input[type=text]")) {
                    assertThat(field.getAttribute("value")).as(field.getAttribute("id"))
                            .isEqualTo(cut(payload, field.getAttribute("maxlength")));
                }
                registrar.checked("xss-open-record-" + i++);
            }

            // Saved: the payloads in the free-text fields of a valid record come back as text everywhere.
            String name = REGISTRAR_XSS.get(2);
            String other = REGISTRAR_XSS.get(3);
            registrar.open("/console/registrar/records/" + recordId + "/edit");
            for (String field : List.of("familyName", "givenNames", "placeOfBirth", "claimSummary", "needsNotes",
                    "contactAddress", "contactLocation", "reason")) {
                registrar.find("#" + field).clear();
                registrar.find("#" + field).sendKeys(field.equals("givenNames") ? other : name);
            }
            registrar.find("#need-DISABILITY").click();
            new Select(registrar.find("#family-0-relation")).selectByValue("SPOUSE");
            registrar.find("#family-0-familyName").sendKeys(other);
            registrar.find("#family-0-givenNames").sendKeys(name);
            registrar.find("#family-0-whereabouts").sendKeys(REGISTRAR_XSS.get(4));
            registrar.find("#save").click();
            registrar.waitFor("#record-done");
            assertNotRun(registrar, name);
            assertThat(registrar.find(".family-name").getText()).isEqualTo(name);
            assertThat(registrar.find(".given-names").getText()).isEqualTo(other);
            registrar.open("/console/registrar/records/" + recordId + "/edit");
            assertNotRun(registrar, name);
            assertThat(registrar.find("#claimSummary").getAttribute("value")).isEqualTo(name);
            assertThat(registrar.find("#family-0-whereabouts").getAttribute("value")).isEqualTo(REGISTRAR_XSS.get(4));
            registrar.open("/console/registrar/records/" + recordId + "/history");
            assertNotRun(registrar, name);
            assertThat(registrar.find("#history").getText()).contains(name);

            // The completion's reason, and a record opened with a payload in a name the referral lacked.
            registrar.open("/console/registrar/referrals/" + referralId);
            registrar.find("#complete-no").click();
            registrar.find("#complete-reason").sendKeys(REGISTRAR_XSS.get(1));
            registrar.find("#complete button").click();
            waitForText(registrar, "#referral-status", EN.getProperty("referralStatus.COMPLETED"));
            assertNotRun(registrar, REGISTRAR_XSS.get(1));
            assertThat(registrar.find("#history").getText()).contains(REGISTRAR_XSS.get(1),
                    EN.getProperty("step.outcome.notSuccessful"));
            registrar.checked("xss-referral-completed");
        }
    }

    /** Records an interview as the signed-in KG-BORDER screener and refers the person to KG-SMS (RSD) with consent. */
    private static String referToRsd(ConsoleBrowser screener, String family, String given, String need,
            String evidenceRef) {
        screener.open("/console/screener/screenings/new");
        screener.waitFor("#record");
        screener.find("#place").sendKeys("KG-BCP-AK-JOL");
        screener.find("#informed-RIGHT_TO_SEEK_ASYLUM").click();
        screener.find("#familyName").sendKeys(family);
        screener.find("#givenNames").sendKeys(given);
        screener.find("#dateOfBirth").sendKeys("1990");
        screener.find("#nationalities").sendKeys("AF");
        screener.find("#q-reasonsForLeaving-PERSECUTION").click();
        screener.find("#q-forcedToLeave-YES").click();
        if (need != null) {
            screener.find("#need-" + need).click();
        }
        screener.find("#record").click();
        String form = "#refer-ASYLUM_PROCEDURE-KG-SMS";
        screener.waitFor(form);
        new Select(screener.find(form + "-givenBy")).selectByValue("SUBJECT");
        screener.find(form + "-evidenceRef").sendKeys(evidenceRef);
        screener.find(form + "-send").click();
        screener.waitFor("#referral-status, .problem");
        assertThat(screener.all(".problem")).as("refused: %s", screener.find("main").getText()).isEmpty();
        return screener.find("#referral-id").getText();
    }

    /** A KZ-BORDER screening of an adult asylum seeker referred through the API to KG-SMS (node kg) with consent. */
    private static String referAcrossNodes(String familyName) {
        java.util.UUID screening = org.regionalexchange.gateway.testing.ScreeningData.id(
                org.regionalexchange.gateway.testing.ScreeningData.record(region, "kz", "KZ-BORDER",
                        org.regionalexchange.gateway.testing.ScreeningData.adultAsylumSeeker(familyName)));
        HttpResponse<String> sent = Http.postJson(region.uri("kz", "/api/v1/referrals"),
                region.token("KZ-BORDER", "screener"), """
                { "screeningId": "%s", "toAgency": "KG-SMS", "type": "ASYLUM_PROCEDURE", "categories": ["IDENTITY", "SCREENING"],
                  "consent": { "givenBy": "SUBJECT", "informedInLanguage": "prs", "interpreterPresent": true,
                               "evidenceRef": "KZ-BORDER-CONSENT-0200" } }""".formatted(screening));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return org.regionalexchange.gateway.testing.Problems.json(sent.body()).path("id").asString();
    }

    /** A record of KG-SMS registered through the API, with a claim; returns its id. */
    private static String createRecord(String reference, String family, String given) {
        HttpResponse<String> created = Http.postJson(region.uri("kg", "/api/v1/records"), region.token("KG-SMS", "registrar"),
                """
                {"holderRecordRef": "%s",
                 "identity": {"familyName": "%s", "givenNames": "%s", "sex": "M", "dateOfBirth": "1992-05",
                   "nationalities": ["AF"]},
                 "caseStatus": {"status": "ASYLUM_SEEKER", "statusDate": "2026-01-10"},
                 "claim": {"summary": "Threatened for his work.", "grounds": ["POLITICAL_OPINION"], "countriesOfFear": ["AF"]}}"""
                        .formatted(reference, family, given));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return org.regionalexchange.gateway.testing.Problems.json(created.body()).path("id").asString();
    }

    /** Reloads the inbox until the referral delivered from the other node is listed. */
    private static void awaitInInbox(ConsoleBrowser registrar, String id) {
        new WebDriverWait(registrar.driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            registrar.open("/console/registrar/referrals");
            return !d.findElements(By.id("inbox-" + id)).isEmpty();
        });
    }

    /** Waits until the sending node shows the receiver's step (delivered back as a signed envelope). */
    private static void awaitAtSender(String id, String status) {
        awaitStatus("kz", region.token("KZ-BORDER", "screener"), id, status);
    }

    /** Waits until the receiving node shows the sender's step (delivered as a signed envelope). */
    private static void awaitAtReceiver(String id, String status) {
        awaitStatus("kg", region.token("KG-SMS", "registrar"), id, status);
    }

    private static void awaitStatus(String node, String token, String id, String status) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String seen = "";
        while (System.nanoTime() < until) {
            seen = Problems.json(Http.get(region.uri(node, "/api/v1/referrals/" + id), token).body())
                    .path("status").asString();
            if (seen.equals(status)) {
                return;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(seen).as("status at node %s", node).isEqualTo(status);
    }

    /** Waits until the element (replaced by htmx) shows this text. */
    private static void waitForText(ConsoleBrowser browser, String css, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(element -> element.getText().equals(text)));
    }

    private static String download(String base, String path, ConsoleBrowser browser) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "console-kg=" + browser.sessionCookie("console-kg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment"));
        return answer.body();
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/console").resolve(name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
