package io.tributary.search.estate;

import static io.tributary.search.estate.Estate.Dataset.table;
import static io.tributary.search.estate.Estate.Dataset.topic;

import io.tributary.search.estate.Estate.Dataset;
import io.tributary.search.estate.Estate.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The estates questions are evaluated on: the demo's order pipeline with a small shop around it
 * (CRM, payments, inventory, clickstream), and a generated estate of a few thousand entities.
 */
public final class Estates {
  /** The time "now" of both estates: runs and failures are placed relative to it. */
  public static final Instant NOW = Instant.parse("2026-03-01T11:00:00Z");

  public static final List<String> DOMAINS =
      List.of(
          "billing",
          "shipping",
          "fraud",
          "loyalty",
          "catalog",
          "pricing",
          "reviews",
          "returns",
          "payroll",
          "support",
          "search",
          "ads",
          "refunds",
          "invoices",
          "vendors",
          "coupons",
          "wishlist",
          "ratings",
          "tickets",
          "delivery",
          "warranty",
          "rentals",
          "bookings",
          "flights",
          "hotels",
          "insurance",
          "claims",
          "policies",
          "leads",
          "quotes",
          "contracts",
          "assets",
          "devices",
          "sensors",
          "meters",
          "grid",
          "weather",
          "traffic",
          "parking",
          "fleet",
          "drivers",
          "riders",
          "trips",
          "fares",
          "tolls",
          "permits",
          "inspections",
          "recalls",
          "suppliers",
          "purchasing",
          "budgets",
          "forecasts",
          "expenses",
          "travel",
          "training",
          "hiring",
          "badges",
          "visitors",
          "lockers",
          "printers");

  private static final List<String> STAGES =
      List.of("raw", "clean", "enriched", "aggregated", "scored", "export");
  private static final List<String> JOBS =
      List.of("cleaner", "enricher", "aggregator", "scorer", "exporter");

  private Estates() {}

  private static Instant ago(long seconds) {
    return NOW.minus(Duration.ofSeconds(seconds));
  }

  /** The demo's order pipeline and the shop around it. */
  public static Estate demo(Estate e) {
    Dataset orders =
        topic(
                "orders",
                "order_id",
                "customer_id",
                "customer_email",
                "amount",
                "currency",
                "created_at")
            .described("Orders placed in the web shop")
            .ownedBy("team-orders")
            .fieldTag("customer_email", "PII");
    Dataset enriched =
        topic(
                "orders-enriched",
                "order_id",
                "customer_id",
                "customer_email",
                "amount",
                "amount_eur",
                "country")
            .described("Orders with amounts converted to euro and the customer's country")
            .ownedBy("team-orders")
            .fieldTag("customer_email", "PII");
    Dataset alerts =
        topic("order-alerts", "order_id", "amount_eur", "reason")
            .described("Alerts raised for unusually large orders")
            .ownedBy("team-orders");
    Dataset signups = topic("crm.raw-signups", "id", "mail_address", "signup_time");
    Dataset customers =
        table("postgres://db:5432", "shop.public.customers", "customer_id", "name", "email")
            .fieldTag("email", "PII");
    Dataset contacts =
        topic("crm.contacts", "id", "email", "first_name", "last_name", "phone")
            .described("Contact records synchronised from the CRM")
            .ownedBy("team-crm")
            .fieldTag("email", "PII")
            .fieldTag("phone", "PII")
            .from("email", signups, "mail_address");
    Dataset mails =
        topic("marketing.emails", "email", "campaign", "sent_at").from("email", contacts, "email");
    Dataset payments =
        topic("payments", "payment_id", "order_id", "amount", "currency", "card_last4")
            .ownedBy("team-payments")
            .fieldTag("card_last4", "SENSITIVE")
            .tagged("SENSITIVE");
    Dataset ledger =
        topic("ledger.entries", "entry_id", "payment_id", "amount", "account")
            .ownedBy("team-payments")
            .quality(false);
    Dataset stock = topic("warehouse.stock", "sku", "quantity", "warehouse_id");
    Dataset levels = topic("inventory.levels", "sku", "level", "updated_at").quality(true);
    Dataset clicks = topic("clickstream", "session_id", "user_id", "url", "ts");
    Dataset sessions = topic("sessions", "session_id", "user_id", "duration");
    Dataset audit = topic("audit.log", "actor", "action", "ts");
    Dataset archive = table("s3://archive", "audit");

    Job orderService = generic("order-service", List.of(), List.of(orders)).ownedBy("team-orders");
    Job enricher =
        Job.streams("order-enricher", List.of(orders), List.of(enriched))
            .ownedBy("team-streaming")
            .described("Converts order amounts to euro and adds the customer's country");
    Job large =
        Job.flink("large-order-alerts", List.of(enriched), List.of(alerts)).ownedBy("team-orders");
    Job notifier = generic("alert-notifier", List.of(alerts), List.of()).ownedBy("team-orders");
    Job crmSync =
        Job.flink("crm-sync", List.of(signups, customers), List.of(contacts)).ownedBy("team-crm");
    Job mailer =
        generic("campaign-mailer", List.of(contacts), List.of(mails)).ownedBy("team-marketing");
    Job gateway = generic("payment-gateway", List.of(), List.of(payments)).ownedBy("team-payments");
    Job ledgerJob =
        Job.flink("payments-ledger", List.of(payments), List.of(ledger)).ownedBy("team-payments");
    Job inventory = Job.streams("inventory-levels", List.of(stock), List.of(levels));
    Job sessionizer = Job.flink("sessionizer", List.of(clicks), List.of(sessions));
    Job tracker = generic("web-tracker", List.of(), List.of(clicks));
    Job archiver = generic("audit-archiver", List.of(audit), List.of(archive));

    e.run(orderService, "START", ago(3600)).run(orderService, "RUNNING", ago(10));
    e.run(enricher, "START", ago(3600)).run(enricher, "RUNNING", ago(5));
    e.run(large, "START", ago(3600)).run(large, "RUNNING", ago(20));
    e.run(notifier, "START", ago(3600)).run(notifier, "RUNNING", ago(2400));
    e.run(crmSync, "START", ago(3000)).run(crmSync, "RUNNING", ago(30));
    e.run(mailer, "START", ago(1900)).run(mailer, "FAIL", ago(1800));
    e.run(gateway, "START", ago(3600)).run(gateway, "RUNNING", ago(10));
    e.run(ledgerJob, "START", ago(3600)).run(ledgerJob, "RUNNING", ago(15));
    e.run(inventory, "START", ago(7300)).run(inventory, "FAIL", ago(7200));
    e.run(sessionizer, "START", ago(20000)).run(sessionizer, "RUNNING", ago(10800));
    e.run(tracker, "START", ago(3600)).run(tracker, "RUNNING", ago(10));
    e.run(archiver, "START", ago(3100)).run(archiver, "COMPLETE", ago(3000));
    return e.flush();
  }

  private static Job generic(String name, List<Dataset> inputs, List<Dataset> outputs) {
    return new Job("shop", name, "SPARK", inputs, outputs, null, List.of());
  }

  /** Per domain: a chain of five jobs over six topics; {@code domains} of {@link #DOMAINS}. */
  public static Estate generated(Estate e, int domains) {
    for (int d = 0; d < domains; d++) {
      String domain =
          DOMAINS.get(d % DOMAINS.size()) + (d < DOMAINS.size() ? "" : "" + (d / DOMAINS.size()));
      Dataset previous = null;
      for (int s = 0; s < STAGES.size(); s++) {
        Dataset current =
            topic(
                    domain + "." + STAGES.get(s),
                    domain + "_id",
                    "event_time",
                    "status",
                    "value_" + s,
                    "source",
                    "region")
                .described(capitalised(domain) + " records, " + STAGES.get(s) + " stage")
                .ownedBy("team-" + domain);
        if (previous != null) {
          Job job =
              Job.flink(domain + "-" + JOBS.get(s - 1), List.of(previous), List.of(current))
                  .ownedBy("team-" + domain);
          e.run(job, "RUNNING", ago(5 + (d * 7 + s) % 50));
        }
        previous = current;
      }
      if (d % 20 == 19) {
        e.flush();
      }
    }
    return e.flush();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
