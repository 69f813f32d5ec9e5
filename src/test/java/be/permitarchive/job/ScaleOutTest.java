package be.permitarchive.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import be.permitarchive.support.IngestProcess;
import be.permitarchive.support.TestBroker;
import be.permitarchive.support.TestDeliveries;
import be.permitarchive.support.TestRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out over the real RabbitMQ and PostgreSQL: a manager ({@code archive ingest} with a broker configured) and
 * two {@code archive worker} processes, each in a JVM of its own with one OCR worker, on the sample delivery (five
 * dossiers, 24 pages) split into four partitions. One worker is killed with SIGKILL while it runs a partition; the
 * manager is killed and the run restarted. Either way the register ends complete and exact.
 */
class ScaleOutTest {

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);

	private Path work;

	private String database;

	private String queue;

	private final List<Process> processes = new ArrayList<>();

	@BeforeEach
	void setUp() throws Exception {
		TestBroker.require();
		this.work = TestDeliveries.workDir("scale-out");
		this.database = TestRegister.newDatabase();
		this.queue = TestBroker.newQueue();
		IngestProcess.copyTree(Path.of("sample-scans", "delivery"), this.work.resolve("delivery"));
	}

	@AfterEach
	void tearDown() throws Exception {
		for (Process process : this.processes) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
		if (this.queue != null) {
			TestBroker.deleteQueue(this.queue);
		}
	}

	@Test
	void aWorkerKilledMidPartitionIsReplacedAndNothingIsLostOrDoubled() throws Exception {
		// given a manager whose four partitions wait in the queue, saying that no worker takes them
		Process manager = manager("manager.log", List.of("ingest", delivery().toString()));
		IngestProcess.waitUntil(() -> log("manager.log").contains("4 partition(s) wait in queue " + this.queue
				+ " and no worker takes them"), RUN_TIMEOUT, manager, this.work);

		// when two workers start, and worker A is killed while it runs a partition, after at least one dossier is
		// registered
		Process workerA = worker("worker-a.log");
		Process workerB = worker("worker-b.log");
		int[] heldByA = { -1 };
		IngestProcess.waitUntil(() -> {
			heldByA[0] = partitionLockedBy(workerA.pid());
			return heldByA[0] >= 0 && registeredDossiers() >= 1
					&& "STARTED".equals(statusOrNull("ocr-partition:" + heldByA[0]));
		}, RUN_TIMEOUT, manager, this.work);
		workerA.destroyForcibly();
		workerA.waitFor(30, TimeUnit.SECONDS);
		// A is gone: the repository holds what it last committed. In the rare run where A finished the partition in
		// the milliseconds between the check and the kill, there is nothing to take over (the rest still holds).
		boolean killedMidPartition = "STARTED".equals(status("ocr-partition:" + heldByA[0]));

		// then worker B takes the partition over and the manager's run completes
		assertThat(manager.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(log("manager.log")).isTrue();
		assertThat(manager.exitValue()).as(log("manager.log")).isEqualTo(ExitCode.OK.code());
		assertThat(status("ocr-partition:" + heldByA[0])).as("the killed worker's partition").isEqualTo("COMPLETED");
		assertRegisterCompleteAndExact();
		if (killedMidPartition) {
			assertThat(log("worker-b.log")).as("B says it took A's partition over")
				.containsPattern("execution \\d+, ocr-partition:" + heldByA[0]
						+ ": \\d dossier\\(s\\) in \\d+ s, completed \\(taken over from a worker that is gone\\)");
		}
		assertThat(log("manager.log")).contains("5/5 dossiers").contains("24/24");
		assertThat(TestBroker.messages(this.queue)).as("no partition left in the queue").isZero();

		// and worker B stops on SIGTERM, saying so, with exit code 0
		workerB.destroy();
		assertThat(workerB.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(workerB.exitValue()).as(log("worker-b.log")).isZero();
		assertThat(log("worker-b.log")).contains("Worker stopped.");
	}

	@Test
	void aKilledManagerIsRestartedAndTheWorkersFinishExactlyWhatWasLeft() throws Exception {
		// given two workers and a manager that is killed once the first dossier is registered
		Process workerA = worker("worker-a.log");
		Process workerB = worker("worker-b.log");
		waitUntilReady(workerA, "worker-a.log");
		waitUntilReady(workerB, "worker-b.log");
		Process manager = manager("manager.log", List.of("ingest", delivery().toString()));
		IngestProcess.waitUntil(() -> registeredDossiers() >= 1, RUN_TIMEOUT, manager, this.work);
		manager.destroyForcibly();
		manager.waitFor(30, TimeUnit.SECONDS);
		long killed = lastExecution();

		// when the run is restarted with a new manager
		Process restart = manager("restart.log", List.of("restart", String.valueOf(killed)));
		assertThat(restart.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(log("restart.log")).isTrue();

		// then it completes the delivery: every page once, the partitions of the killed run finished or re-run
		assertThat(restart.exitValue()).as(log("restart.log")).isEqualTo(ExitCode.OK.code());
		assertThat(lastExecution()).as("a new execution of the same job instance").isGreaterThan(killed);
		assertThat(jobStatus(lastExecution())).isEqualTo("COMPLETED");
		assertRegisterCompleteAndExact();
		assertThat(workerA.isAlive() && workerB.isAlive()).as("the workers outlive the managers").isTrue();
		assertThat(Files.readString(this.work.resolve("data/logs/archive.log")))
			.as("the restart waited for the partitions still running instead of failing them under their workers")
			.doesNotContain("OptimisticLockingFailureException");
	}

	@Test
	void aRunStoppedWhileNoWorkerRunsEndsAndResumesWhenWorkersCome() throws Exception {
		// given a manager whose partitions wait in the queue, no worker running
		Process manager = manager("manager.log", List.of("ingest", delivery().toString()));
		IngestProcess.waitUntil(() -> log("manager.log").contains("and no worker takes them"), RUN_TIMEOUT, manager,
				this.work);
		long execution = lastExecution();

		// when the run is stopped with archive stop
		Process stop = manager("stop.log", List.of("stop", String.valueOf(execution)));
		assertThat(stop.waitFor(2, TimeUnit.MINUTES)).as(log("stop.log")).isTrue();

		// then the manager ends as stopped, although no worker took its partitions
		assertThat(manager.waitFor(2, TimeUnit.MINUTES)).as(log("manager.log")).isTrue();
		assertThat(manager.exitValue()).as(log("manager.log")).isEqualTo(ExitCode.STOPPED.code());
		assertThat(jobStatus(execution)).isEqualTo("STOPPED");
		assertThat(registeredDossiers()).isZero();

		// and when a worker comes, the restarted run completes exactly
		Process worker = worker("worker-a.log");
		waitUntilReady(worker, "worker-a.log");
		Process restart = manager("restart.log", List.of("restart", String.valueOf(execution)));
		assertThat(restart.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as(log("restart.log")).isTrue();
		assertThat(restart.exitValue()).as(log("restart.log")).isEqualTo(ExitCode.OK.code());
		assertRegisterCompleteAndExact();
		assertThat(TestBroker.messages(this.queue)).as("the stopped run's messages were taken and left").isZero();
	}

	private void assertRegisterCompleteAndExact() throws SQLException {
		assertThat(registeredDossiers()).isEqualTo(5);
		assertThat(count("select count(*) from page")).isEqualTo(24);
		assertThat(count("""
				select count(*) from (select document_id, page_index from page
				group by document_id, page_index having count(*) > 1) duplicates""")).as("pages registered twice")
			.isZero();
		assertThat(string("select string_agg(kind || '=' || n, ',' order by kind) from "
				+ "(select kind, count(*) n from page group by kind) k"))
			.as("the pages as one process registers them").isEqualTo("blank=1,photo=1,plan=2,text=18,text-layer=2");
	}

	private Path delivery() {
		return this.work.resolve("delivery");
	}

	private List<String> scaleOut() {
		return List.of("scale-out.broker=" + TestBroker.url(), "scale-out.queue=" + this.queue,
				"scale-out.partitions=4", "scale-out.poll-interval=500ms", "scale-out.drain-timeout=20s",
				"scale-out.no-worker-warning=2s",
				"register.url=" + this.database);
	}

	private Process worker(String log) throws Exception {
		Process process = IngestProcess.start(this.work, scaleOut(), List.of("worker", "--lang", "en"), log);
		this.processes.add(process);
		return process;
	}

	private Process manager(String log, List<String> arguments) throws Exception {
		List<String> args = new ArrayList<>(arguments);
		args.add("--lang");
		args.add("en");
		Process process = IngestProcess.start(this.work, scaleOut(), args, log);
		this.processes.add(process);
		return process;
	}

	private void waitUntilReady(Process worker, String log) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (!log(log).contains("Worker ready")) {
			assertThat(worker.isAlive()).as(log(log)).isTrue();
			assertThat(System.nanoTime()).as("worker ready in time: " + log(log)).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private String log(String log) {
		try {
			return IngestProcess.log(this.work, log);
		}
		catch (java.io.IOException ex) {
			return ex.toString();
		}
	}

	/** The partition whose lock the process holds, -1 for none. */
	private int partitionLockedBy(long pid) {
		try (Connection connection = DriverManager.getConnection(this.database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select l.objid from pg_locks l join pg_stat_activity a on a.pid = l.pid
						where l.locktype = 'advisory' and l.objsubid = 2 and l.granted
						and a.application_name like 'archive %d@%%'""".formatted(pid))) {
			return rs.next() ? rs.getInt(1) : -1;
		}
		catch (SQLException ex) {
			return -1;
		}
	}

	private int registeredDossiers() {
		try {
			return count("select count(*) from dossier where status in ('registered', 'needs-review')");
		}
		catch (SQLException ex) {
			return 0; // the schema is not there yet
		}
	}

	private String status(String partition) throws SQLException {
		return string("""
				select s.status from batch_step_execution s
				where s.step_name = '%s' order by s.step_execution_id desc limit 1""".formatted(partition));
	}

	private String statusOrNull(String partition) {
		try {
			return status(partition);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	private long lastExecution() throws SQLException {
		return Long.parseLong(string("select max(job_execution_id) from batch_job_execution"));
	}

	private String jobStatus(long execution) throws SQLException {
		return string("select status from batch_job_execution where job_execution_id = " + execution);
	}

	private int count(String sql) throws SQLException {
		return Integer.parseInt(string(sql));
	}

	private String string(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
