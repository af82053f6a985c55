package org.atrium.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console (issue #6) in a real browser: Debian's headless Chromium driven by Selenium through
 * chromedriver. An administrator signs in, creates a domain and a user through the pages, and the REST API and IMAP
 * see them; the forms show the server's refusals beside the field; a wrong password is refused on the login page;
 * pages need a signed-in administrator. Screenshots of the dashboard and the user list go to
 * {@code ear/target/screenshots/}. Skipped only when chromium or chromedriver is not installed
 * ({@code bin/install-test-deps} installs both).
 */
class ConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void browser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed (bin/install-test-deps)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static String url(String page) {
        return "http://" + ItEnv.HOST + ":" + ItEnv.http() + "/admin/" + page;
    }

    private WebElement byId(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }

    private void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private void signIn(String login, String password) {
        driver.get(url("login.xhtml"));
        type("login:address", login);
        type("login:password", password);
        byId("login:signIn").click();
    }

    private void screenshot(String name) throws IOException {
        Path dir = ItEnv.home().resolve("ear/target/screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The audit log has the administrator's console change, as the REST API would have logged it. */
    private static void assertAudited(String resource, int status, String detail) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/audit?limit=1000&actor=" + AdminClient.enc(ItEnv.admin()),
                null);
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> events = Json.array(r.body());
        assertTrue(events.stream().anyMatch(e -> "POST".equals(e.get("method")) && resource.equals(e.get("resource"))
                && e.get("status") instanceof Number n && n.intValue() == status
                && String.valueOf(e.get("detail")).startsWith(detail)), detail + " not in " + events);
    }

    @Test
    void pagesNeedASignedInAdministrator() {
        driver.get(url("users.xhtml"));
        wait.until(ExpectedConditions.urlContains("/admin/login.xhtml"));
        byId("login:address");
    }

    @Test
    void wrongPasswordIsRefusedOnTheLoginPage() {
        // A throw-away user, so that the failure does not slow the administrator's later logins (LoginFailures).
        String user = AdminClient.newUser("consolebad", "Pw-" + UUID.randomUUID());
        signIn(user, "wrong-password-1");
        waitForText("login:messages", "Wrong address or password");
        assertTrue(driver.getCurrentUrl().contains("/admin/login.xhtml"), driver.getCurrentUrl());

        // A user who is no administrator is refused with the same words.
        String pw = "Pw-" + UUID.randomUUID();
        String plain = AdminClient.newUser("consoleplain", pw);
        signIn(plain, pw);
        waitForText("login:messages", "Wrong address or password");
        driver.get(url("index.xhtml"));
        wait.until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    }

    @Test
    void administratorCreatesADomainAndAUser() throws IOException {
        signIn(ItEnv.admin(), ItEnv.demoPassword());
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));
        assertTrue(byId("userCount").getText().matches("\\d+"), byId("userCount").getText());
        screenshot("dashboard");

        // A domain, then the same again: the service's refusal shows beside the name field.
        String domain = AdminClient.unique("console") + ".test";
        driver.get(url("domains.xhtml"));
        type("addDomain:name", domain);
        byId("addDomain:add").click();
        waitForText("addDomain:messages", "Domain " + domain + " created.");
        type("addDomain:name", domain);
        byId("addDomain:add").click();
        waitForText("addDomain:nameMessage", "already exists");
        assertEquals(200, AdminClient.asAdmin("GET", "/domains/" + domain, null).status());
        assertAudited("/domains", 201, "console name=" + domain);
        assertAudited("/domains", 409, "console name=" + domain + " error=CONFLICT");

        // A user: the address is checked when the field is left, then the user is created.
        String address = "alice@" + domain;
        String password = "Pw-" + UUID.randomUUID();
        driver.get(url("users.xhtml"));
        byId("usersForm:newUser").click();
        type("addUser:address", "alice@not-hosted-" + domain);
        byId("addUser:displayName").click();
        waitForText("addUser:addressMessage", "is not hosted here");
        type("addUser:password", "short");
        byId("addUser:displayName").click();
        waitForText("addUser:passwordMessage", "8 to 1024");
        type("addUser:address", address);
        type("addUser:displayName", "Alice Console");
        byId("addUser:displayName").click();
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("addUser:addressMessage"),
                "is not hosted here"));
        type("addUser:password", password);
        byId("addUser:create").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("addUser:address")));

        // The table finds the user by a search (the domain is new: no other user matches).
        waitForText("usersForm:messages", "User " + address + " created.");
        type("usersForm:search", domain);
        // The demo users match no search for the new domain: once they are gone the table shows the search's rows.
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("usersForm:users"), ItEnv.DOMAIN)));
        waitForText("usersForm:users", address);
        screenshot("users");

        AdminClient.Reply user = AdminClient.asAdmin("GET", "/users/" + address, null);
        assertEquals(200, user.status(), user.toString());
        assertTrue(user.body().contains("Alice Console"), user.body());
        assertAudited("/users", 201, "console address=" + address + " displayName=Alice Console password=***");
        try (ImapConn imap = ImapConn.login(address, password)) {
            imap.ok("SELECT INBOX");
        }

        // Signing out ends the session: the pages lead to the login page again.
        byId("nav:signOut").click();
        wait.until(ExpectedConditions.urlContains("/admin/login.xhtml"));
        driver.get(url("users.xhtml"));
        wait.until(ExpectedConditions.urlContains("/admin/login.xhtml"));
    }
}
