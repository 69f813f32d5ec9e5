package be.permitarchive.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import be.permitarchive.job.ExitCode;
import be.permitarchive.job.PartitionWorker;
import be.permitarchive.job.ScaleOutProperties;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.register.RegisterProperties;
import be.permitarchive.register.internal.RegisterLocation;
import be.permitarchive.store.StoreProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

/**
 * {@code archive worker}: takes partitions of the ocr step from the broker's queue and runs them against the shared
 * register and store, until stopped (SIGTERM, Ctrl+C). Any number of workers on any number of machines; they may
 * join and leave at any time.
 */
@Command(name = "worker")
class WorkerCommand extends PrintingCommand implements Callable<Integer> {

	@Option(names = "--broker", descriptionKey = "worker.broker", paramLabel = "<amqp-uri>")
	String broker;

	@Mixin
	JobOptions job;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		List<String> args = new ArrayList<>(this.job.springArguments());
		if (this.broker != null) {
			args.add("--" + ScaleOutProperties.BROKER + "=" + this.broker);
		}
		args.add("--" + ScaleOutProperties.WORKER + "=true");
		CountDownLatch stop = new CountDownLatch(1);
		this.gracefulStop.install();
		this.gracefulStop.sayOnSignal("worker.signal");
		try (ConfigurableApplicationContext context = Register.openForJob(args)) {
			ScaleOutProperties scaleOut = context.getBean(ScaleOutProperties.class);
			if (!scaleOut.enabled()) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						this.messages.get("worker.noBroker"));
			}
			RegisterProperties register = context.getBean(RegisterProperties.class);
			if (register.embedded()) {
				throw new CommandLine.ParameterException(this.spec.commandLine(),
						this.messages.get("worker.embeddedRegister"));
			}
			ScaleOut.checkBroker(context);
			Lifecycle listener = context.getBean(ScaleOutProperties.WORKER_INBOUND, Lifecycle.class);
			context.getBean(PartitionWorker.class).listenForInvisibleDeliveries((delivery) -> this.out.println(
					this.messages.get("worker.deliveryNotVisible", delivery)));
			context.getBean(PartitionWorker.class).listen((done) -> this.out.println(this.messages.get(
					"worker.partition", done.delivery(), String.valueOf(done.execution()), done.partition(),
					done.dossiers(), done.seconds(), this.messages.get("jobs.status." + done.status()),
					done.takenOver() ? 1 : 0)));
			this.gracefulStop.stopWith(stop::countDown);
			this.out.println(this.messages.get("worker.ready", scaleOut.queue(), scaleOut.brokerForDisplay(),
					context.getBean(OcrProperties.class).effectiveWorkers(), RegisterLocation.of(register).url(),
					context.getBean(StoreProperties.class).dir().toAbsolutePath().normalize(),
					scaleOut.drainTimeout().toSeconds()));
			listener.start();
			stop.await();
			this.out.println(this.messages.get("worker.stopping", scaleOut.drainTimeout().toSeconds()));
			listener.stop();
			this.out.println(this.messages.get("worker.stopped"));
			return ExitCode.OK.code();
		}
	}

}
