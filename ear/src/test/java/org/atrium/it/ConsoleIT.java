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
import org.openqa.selenium.Dimension;
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
 * pages need a signed-in administrator. The issue's scenario: a domain, a user, a group with that user and quotas made
 * in the console, then IMAP logs the user in and mail to the group reaches the user's INBOX over SMTP; a contact
 * and a room are made in their dialogs and the contact deleted after the confirmation; every page
 * renders its heading (an EL error would not). Screenshots of the dashboard, the user list and each page (also at
 * tablet width) go to {@code ear/target/screenshots/}. Skipped only when chromium or chromedriver is not installed
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

    /**
     * Types into a field and lets its as-you-type work finish (p:ajax keyup with a delay: a search, a check), as a
     * person pausing before the next click would: otherwise a late check could re-render a part of the page after
     * the click's own answer and wipe its message.
     */
    private void type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
        try {
            Thread.sleep(600); // longer than the longest keyup delay of the console (400 ms)
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return (!window.jQuery || jQuery.active === 0)"
                        + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
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
        assertAudited("POST", resource, status, detail);
    }

    private static void assertAudited(String method, String resource, int status, String detail) {
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/audit?limit=1000&actor=" + AdminClient.enc(ItEnv.admin()),
                null);
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> events = Json.array(r.body());
        assertTrue(events.stream().anyMatch(e -> method.equals(e.get("method")) && resource.equals(e.get("resource"))
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

    /** Opens a page and waits for its heading, which renders only when the page's expressions evaluated. */
    private void visit(String page, String heading) throws IOException {
        driver.get(url(page));
        waitForText("heading", heading);
        screenshot("page-" + page.replace(".xhtml", ""));
    }

    /** A button of the table row that shows {@code text} (ids end in {@code :<button>}, the row index varies). */
    private WebElement rowButton(String tableId, String text, String button) {
        String xpath = "//*[@id='" + tableId + "']//tr[contains(., '" + text + "')]//*[self::button or self::a]"
                + "[substring(@id, string-length(@id) - " + button.length() + ") = ':" + button + "']";
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)));
        // In the middle of the window: near its edge a message or the page's footer can lie over the button.
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", e);
        return wait.until(ExpectedConditions.elementToBeClickable(e));
    }

    /** Clicks a button after scrolling it to the middle of the window (a tall dialog scrolls inside the viewport). */
    private void click(String id) {
        WebElement e = byId(id);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", e);
        wait.until(ExpectedConditions.elementToBeClickable(e)).click();
    }

    /** Accepts the global confirmation dialog a destructive button opened. */
    private void confirm() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
    }

    @Test
    void everyPageRendersItsHeading() throws IOException {
        signIn(ItEnv.admin(), ItEnv.demoPassword());
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));
        waitForText("heading", "Dashboard");
        byId("traffic");
        byId("storage");
        assertTrue(byId("queueEntries").getText().matches("\\d+"), byId("queueEntries").getText());
        screenshot("dashboard-charts");
        visit("domains.xhtml", "Domains");
        visit("users.xhtml", "Users");
        visit("classes-of-service.xhtml", "Classes of service");
        visit("groups.xhtml", "Groups");
        visit("contacts.xhtml", "Contacts");
        visit("resources.xhtml", "Resources");
        visit("folders.xhtml", "Public folders");
        visit("queue.xhtml", "Outbound queue");
        visit("tracking.xhtml", "Message tracking");
        visit("audit.xhtml", "Audit log");
        // Tablet width: the pages still render (tables scroll or reflow); screenshots show how.
        driver.manage().window().setSize(new Dimension(768, 1000));
        for (String page : List.of("index", "users", "groups", "contacts", "resources", "folders", "queue",
                "tracking", "audit")) {
            driver.get(url(page + ".xhtml"));
            byId("heading");
            screenshot(page + "-768");
        }
        // Each menu entry leads to its page.
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url("index.xhtml"));
        for (String[] entry : new String[][] {{"navGroups", "Groups"}, {"navContacts", "Contacts"},
                {"navResources", "Resources"}, {"navFolders", "Public folders"},
                {"navQueue", "Outbound queue"}, {"navTracking", "Message tracking"}, {"navAudit", "Audit log"},
                {"navDashboard", "Dashboard"}}) {
            // p:linkButton renders its id on a span around the link.
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id='nav:" + entry[0] + "'] a")))
                    .click();
            waitForText("heading", entry[1]);
        }
    }

    /** Chooses an entry of a p:selectOneMenu: its label opens the panel, whose items carry their labels. */
    private void choose(String menuId, String label) {
        byId(menuId).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='" + menuId + "_items']/li[@data-label='"
                + label + "']"))).click();
    }

    @Test
    void contactsAndResources() throws IOException {
        String domain = AdminClient.unique("book") + ".test";
        assertEquals(201, AdminClient.asAdmin("POST", "/domains", "{\"name\":" + AdminClient.json(domain) + "}")
                .status());
        signIn(ItEnv.admin(), ItEnv.demoPassword());
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));

        // A contact in the domain's address book; its address is checked as it is typed (outside the hosted ones).
        String contact = AdminClient.unique("ann") + "@partner-" + AdminClient.unique("p") + ".test";
        driver.get(url("contacts.xhtml"));
        byId("contactsForm:newContact").click();
        type("addContact:address", "ann@" + domain);
        waitForText("addContact:addressMessage", "hosted here");
        type("addContact:address", contact);
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("addContact:addressMessage"),
                "hosted here"));
        type("addContact:displayName", "Ann Partner");
        choose("addContact:domain", domain);
        type("addContact:company", "Partner Ltd");
        type("addContact:phone", "+1 555 0100");
        byId("addContact:create").click();
        waitForText("contactsForm:messages", "Contact " + contact + " created.");
        type("contactsForm:search", contact);
        waitForText("contactsForm:contacts", "Partner Ltd");
        screenshot("contacts");
        AdminClient.Reply c = AdminClient.asAdmin("GET", "/contacts/" + contact, null);
        assertEquals(200, c.status(), c.toString());
        assertTrue(c.body().contains("Ann Partner") && c.body().contains(domain), c.body());
        assertAudited("/contacts", 201, "console address=" + contact + " domain=" + domain
                + " displayName=Ann Partner company=Partner Ltd phone=+1 555 0100");

        // A room in the domain.
        String room = "room-" + AdminClient.unique("r") + "@" + domain;
        driver.get(url("resources.xhtml"));
        byId("resourcesForm:newResource").click();
        type("addResource:address", room);
        type("addResource:displayName", "Room Console");
        type("addResource:capacity", "many");
        waitForText("addResource:capacityMessage", "Enter a whole number");
        type("addResource:capacity", "8");
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("addResource:capacityMessage"),
                "Enter a whole number"));
        type("addResource:location", "Building A");
        byId("addResource:create").click();
        waitForText("resourcesForm:messages", "Resource " + room + " created.");
        type("resourcesForm:search", domain);
        waitForText("resourcesForm:resources", room);
        waitForText("resourcesForm:resources", "Building A");
        screenshot("resources");
        AdminClient.Reply r = AdminClient.asAdmin("GET", "/resources/" + room, null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("\"capacity\":8") && r.body().contains("Room Console"), r.body());
        assertAudited("/resources", 201, "console address=" + room + " displayName=Room Console type=room capacity=8");

        // The contact goes after the confirmation.
        driver.get(url("contacts.xhtml"));
        type("contactsForm:search", contact);
        waitForText("contactsForm:contacts", contact);
        rowButton("contactsForm:contacts", contact, "remove").click();
        confirm();
        waitForText("contactsForm:messages", "Contact " + contact + " removed.");
        assertEquals(404, AdminClient.asAdmin("GET", "/contacts/" + contact, null).status());
        assertAudited("DELETE", "/contacts/" + contact, 204, "console");
    }

    @Test
    void administratorSetsUpADomainWhoseGroupReceivesMail() throws Exception {
        signIn(ItEnv.admin(), ItEnv.demoPassword());
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));

        // A domain and a user in it.
        String domain = AdminClient.unique("scenario") + ".test";
        driver.get(url("domains.xhtml"));
        type("addDomain:name", domain);
        byId("addDomain:add").click();
        waitForText("addDomain:messages", "Domain " + domain + " created.");
        String address = "bob@" + domain;
        String password = "Pw-" + UUID.randomUUID();
        driver.get(url("users.xhtml"));
        byId("usersForm:newUser").click();
        type("addUser:address", address);
        type("addUser:displayName", "Bob Scenario");
        type("addUser:password", password);
        byId("addUser:create").click();
        waitForText("usersForm:messages", "User " + address + " created.");

        // A group with that user; the field checks the address as it is typed.
        String group = "team@" + domain;
        driver.get(url("groups.xhtml"));
        byId("groupsForm:newGroup").click();
        type("addGroup:address", "team");
        waitForText("addGroup:addressMessage", "Not an address");
        type("addGroup:address", group);
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("addGroup:addressMessage"),
                "Not an address"));
        type("addGroup:displayName", "Team Scenario");
        byId("addGroup:create").click();
        waitForText("groupsForm:messages", "Group " + group + " created.");
        type("groupsForm:search", domain);
        waitForText("groupsForm:groups", group);
        rowButton("groupsForm:groups", group, "edit").click();
        waitForText("members:selectedGroup", group);
        type("members:member", address);
        byId("members:addMember").click();
        waitForText("members:messages", address + " added to " + group + ".");
        waitForText("members:memberTable", address);
        // The directory refuses a loop and the page says so beside the field.
        type("members:member", group);
        byId("members:addMember").click();
        waitForText("members:memberMessage", "cannot contain itself");
        screenshot("group-members");
        assertAudited("/groups", 201, "console address=" + group + " displayName=Team Scenario membersOnly=false");
        assertAudited("/groups/" + group + "/members", 201, "console member=" + address);
        assertAudited("/groups/" + group + "/members", 409, "console member=" + group + " error=CONFLICT");

        // A second group, deleted after the confirmation.
        String spare = "spare@" + domain;
        assertEquals(201, AdminClient.asAdmin("POST", "/groups", "{\"address\":" + AdminClient.json(spare)
                + ",\"members\":[]}").status());
        driver.get(url("groups.xhtml"));
        type("groupsForm:search", spare);
        waitForText("groupsForm:groups", spare);
        rowButton("groupsForm:groups", spare, "remove").click();
        confirm();
        waitForText("groupsForm:messages", "Group " + spare + " removed.");
        assertEquals(404, AdminClient.asAdmin("GET", "/groups/" + spare, null).status());

        // The domain's default quota, then the user's own: the fields refuse nonsense as it is typed.
        driver.get(url("domains.xhtml"));
        type("domainsForm:search", domain);
        waitForText("domainsForm:domains", domain);
        rowButton("domainsForm:domains", domain, "quota").click();
        waitForText("quotaForm:quotaDomain", domain);
        type("quotaForm:bytes", "1G");
        type("quotaForm:quotaMessages", "1000");
        type("quotaForm:warnPercent", "150");
        waitForText("quotaForm:warnPercentMessage", "1 to 100");
        type("quotaForm:warnPercent", "80");
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("quotaForm:warnPercentMessage"),
                "1 to 100"));
        byId("quotaForm:save").click();
        waitForText("domainsForm:messages", "Default quota of " + domain + " saved");
        AdminClient.Reply d = AdminClient.asAdmin("GET", "/domains/" + domain, null);
        assertTrue(d.body().contains("\"quotaBytes\":1073741824") && d.body().contains("\"quotaMessages\":1000"),
                d.body());
        assertAudited("PUT", "/domains/" + domain + "/quota", 200,
                "console bytes=1073741824 messages=1000 warnPercent=80");

        driver.get(url("users.xhtml"));
        type("usersForm:search", domain);
        waitForText("usersForm:users", address);
        rowButton("usersForm:users", address, "details").click();
        waitForText("details:detailsAddress", address);
        assertTrue(byId("details:lastLogin").getText().contains("never"), byId("details:lastLogin").getText());
        type("details:bytes", "lots");
        waitForText("details:bytesMessage", "Not a size");
        type("details:bytes", "50M");
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("details:bytesMessage"), "Not a size"));
        click("details:saveQuota");
        waitForText("details:messages", "Quota of " + address + " saved.");
        waitForText("details:size", "of 50 M");
        screenshot("user-details");
        AdminClient.Reply u = AdminClient.asAdmin("GET", "/users/" + address, null);
        assertTrue(u.body().contains("\"quotaBytes\":52428800"), u.body());
        assertTrue(u.body().contains("\"effectiveQuotaMessages\":1000"), u.body());
        assertAudited("PUT", "/users/" + address + "/quota", 200,
                "console bytes=52428800 messages=null warnPercent=null");

        // A public folder in the organisation's tree: the group may read it, and it receives mail.
        String leaf = AdminClient.unique("Apollo");
        String folderPath = "Scenario/" + leaf;
        String folderAddress = leaf.toLowerCase(java.util.Locale.ROOT) + "@" + domain;
        driver.get(url("folders.xhtml"));
        type("addFolder:path", "INBOX/" + leaf);
        waitForText("addFolder:pathMessage", "INBOX is no public folder name");
        type("addFolder:path", folderPath);
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("addFolder:pathMessage"), "INBOX"));
        byId("addFolder:create").click();
        waitForText("addFolder:messages", "Folder " + folderPath + " created.");
        type("foldersForm:search", leaf);
        waitForText("foldersForm:folders", leaf);
        rowButton("foldersForm:folders", leaf, "open").click();
        waitForText("folder:selectedFolder", folderPath);
        type("folder:identifier", group);
        byId("folder:permit").click();
        waitForText("folder:messages", "Permission of " + group + " set.");
        waitForText("folder:permissions", group);
        type("folder:address", folderAddress);
        byId("folder:saveAddress").click();
        waitForText("folder:messages", "receives mail at " + folderAddress);
        screenshot("folder-permissions");
        AdminClient.Reply folders = AdminClient.asAdmin("GET", "/public-folders", null);
        assertTrue(folders.body().contains(folderPath) && folders.body().contains(folderAddress), folders.body());
        assertAudited("/public-folders", 201, "console path=" + folderPath + " tree=organisation");

        // The user logs in over IMAP, and mail to the group reaches the user's INBOX over SMTP.
        try (ImapConn imap = ImapConn.login(address, password)) {
            imap.ok("SELECT INBOX");
        }
        String subject = AdminClient.unique("groupmail");
        MailTools.sendRaw("sender@example.org", group, "From: sender@example.org\r\nTo: " + group + "\r\nSubject: "
                + subject + "\r\n\r\nhello team");
        MailTools.awaitMessages(address, password, 1, Duration.ofSeconds(60));
        try (ImapConn imap = ImapConn.login(address, password)) {
            imap.ok("SELECT INBOX");
            assertEquals(1, imap.uidSearch("SUBJECT " + subject).size(), "the group's message in INBOX");
        }

        // Tracking finds records for the user; the audit log page shows the console's changes.
        driver.get(url("tracking.xhtml"));
        type("trackingForm:recipient", address);
        byId("trackingForm:search").click();
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.id("trackingForm:results"), "Search to see records.")));
        screenshot("tracking-results");
        driver.get(url("audit.xhtml"));
        type("auditForm:actor", ItEnv.admin());
        byId("auditForm:search").click();
        waitForText("auditForm:entries", "/groups/" + group + "/members");
        screenshot("audit-results");

        driver.get(url("index.xhtml"));
        waitForText("heading", "Dashboard");
        byId("storage");
        screenshot("dashboard-after");
    }

    /** Ticks a p:selectBooleanCheckbox: its box takes the click, its hidden input shows the state. */
    private void check(String id) {
        WebElement box = byId(id).findElement(By.cssSelector(".ui-chkbox-box"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", box);
        wait.until(ExpectedConditions.elementToBeClickable(box)).click();
        wait.until(ExpectedConditions.elementSelectionStateToBe(By.id(id + "_input"), true));
    }

    @Test
    void mailboxGrants() throws IOException {
        String owner = AdminClient.newUser("grantowner", "Pw-" + UUID.randomUUID());
        String grantee = AdminClient.newUser("grantee", "Pw-" + UUID.randomUUID());
        signIn(ItEnv.admin(), ItEnv.demoPassword());
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));

        driver.get(url("users.xhtml"));
        type("usersForm:search", owner);
        waitForText("usersForm:users", owner);
        rowButton("usersForm:users", owner, "grants").click();
        waitForText("grants:grantsOwner", owner);
        waitForText("grants:grantTable", "No grants.");

        // The grantee is checked as it is typed: not the owner, an existing user.
        type("grants:grantee", owner);
        waitForText("grants:granteeMessage", "cannot delegate to themselves");
        type("grants:grantee", "nobody-" + AdminClient.unique("g") + "@" + ItEnv.DOMAIN);
        waitForText("grants:granteeMessage", "No user");
        type("grants:grantee", grantee);
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("grants:granteeMessage"), "No user"));
        choose("grants:access", "FULL");
        check("grants:sendAs");
        click("grants:saveGrant");
        waitForText("grants:messages", "Grant to " + grantee + " saved: FULL access, send as.");
        waitForText("grants:grantTable", grantee);
        screenshot("user-grants");

        AdminClient.Reply given = AdminClient.asAdmin("GET", "/users/" + owner + "/grants", null);
        assertEquals(200, given.status(), given.toString());
        List<Map<String, Object>> grants = Json.array(given.body());
        assertTrue(grants.stream().anyMatch(g -> grantee.equals(g.get("grantee")) && "FULL".equals(g.get("access"))
                && Boolean.TRUE.equals(g.get("sendAs")) && Boolean.FALSE.equals(g.get("sendOnBehalf"))),
                given.body());
        assertAudited("PUT", "/users/" + owner + "/grants/" + grantee, 200,
                "console access=FULL sendAs=true sendOnBehalf=false");

        // Removed after the confirmation.
        rowButton("grants:grantTable", grantee, "removeGrant").click();
        confirm();
        waitForText("grants:messages", "Grant to " + grantee + " removed.");
        waitForText("grants:grantTable", "No grants.");
        AdminClient.Reply after = AdminClient.asAdmin("GET", "/users/" + owner + "/grants", null);
        assertEquals(200, after.status(), after.toString());
        assertTrue(Json.array(after.body()).stream().noneMatch(g -> grantee.equals(g.get("grantee"))),
                after.body());
        assertAudited("DELETE", "/users/" + owner + "/grants/" + grantee, 204, "console");
    }
}
