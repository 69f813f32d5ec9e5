package be.permitarchive.job;

import java.nio.file.Path;


import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.ocr.OcrWorkerPool;
import be.permitarchive.ocr.Readings;
import be.permitarchive.ocr.internal.Tess4jOcrEngine;
import be.permitarchive.page.PageLimits;
import be.permitarchive.register.PendingDossier;
import be.permitarchive.register.ProcessedDossier;
import be.permitarchive.register.internal.JdbcRegister;
import be.permitarchive.store.Store;
import be.permitarchive.store.StoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ingest} job: {@code discover} (files, hashes, types, quarantine), {@code ocr} (pages, outputs,
 * register; the pending dossiers in partitions run side by side, one dossier per chunk and transaction),
 * {@code extract} (metadata read from the registered text), {@code georef} (the dossier placed on the latest parcel
 * map in the register). Parameter: {@code delivery}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OcrProperties.class, StoreProperties.class, ScaleOutProperties.class })
class IngestJobConfiguration {

	static final String JOB_NAME = "ingest";

	/** The partitioned step that OCRs and registers the dossiers; its counts are the sums of its partitions'. */
	static final String OCR_STEP = "ocr";

	/** The step each partition of the ocr step runs; its executions are named {@code ocr-partition:<n>}. */
	static final String OCR_PARTITION_STEP = "ocr-partition";

	/**
	 * A partition's chunk: one dossier, registered with all its pages in its own transaction. A partition reads its
	 * dossiers one after the other, so a larger chunk would only hold finished dossiers back from the register: a
	 * stop would wait for them, and a crash would process them again (from the OCR results in the store).
	 */
	static final int DOSSIERS_PER_CHUNK = 1;

	@Bean
	@StepScope
	DiscoverDeliveryTasklet discoverTasklet(@Value("#{jobParameters['delivery']}") String delivery,
			JdbcRegister register) {
		return new DiscoverDeliveryTasklet(Path.of(delivery), register);
	}

	/** The pending dossiers of one partition of the ocr step, from its execution context (two numbers). */
	@Bean
	@StepScope
	RegisterQueryReader<PendingDossier> pendingDossierReader(@Value("#{jobParameters['delivery']}") String delivery,
			@Value("#{stepExecutionContext['" + DossierPartitioner.MODULUS + "']}") Integer modulus,
			@Value("#{stepExecutionContext['" + DossierPartitioner.REMAINDER + "']}") Integer remainder,
			JdbcRegister register) {
		if (modulus == null || remainder == null) {
			throw new IllegalStateException("the step reading pending dossiers runs only as a partition of the "
					+ OCR_STEP + " step, with its share of the dossiers in its execution context");
		}
		long deliveryId = register.findDelivery(Path.of(delivery)).orElseThrow();
		return new RegisterQueryReader<>(() -> register.pendingDossiers(deliveryId, modulus, remainder));
	}

	@Bean
	@StepScope
	RegisterWriter registerWriter(@Value("#{jobParameters['delivery']}") String delivery, JdbcRegister register,
			DeliveryLockWatch lockWatch) {
		return new RegisterWriter(register, register.findDelivery(Path.of(delivery)).orElseThrow(),
				lockWatch::checkHeld);
	}

	@Bean
	Store store(StoreProperties properties) {
		return new Store(properties.dir());
	}

	@Bean
	OcrEngineFactory tesseract(OcrProperties ocr) {
		int timeout = (int) Math.min(Integer.MAX_VALUE, ocr.pageTimeout().toMillis());
		return () -> new Tess4jOcrEngine(ocr.language(), ocr.tessdata(), timeout, ocr.orientationConfidence());
	}

	@Bean(destroyMethod = "close")
	OcrWorkerPool ocrWorkerPool(OcrProperties ocr, OcrEngineFactory engines) {
		return new OcrWorkerPool(ocr.effectiveWorkers(), engines::create);
	}

	/** The legibility sample's pages, read during validation, for the ocr step to take (not read twice). */
	@Bean
	Readings readings() {
		return new Readings();
	}

	@Bean
	DossierOcrProcessor dossierOcrProcessor(OcrWorkerPool pool, Store store, OcrProperties ocr, JsonMapper json,
			Readings readings, JdbcRegister register) {
		return new DossierOcrProcessor(pool, store, PageLimits.defaults(), ocr, json, readings, register);
	}

	@Bean
	Step discoverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DiscoverDeliveryTasklet discoverTasklet) {
		return new StepBuilder("discover", jobRepository).tasklet(discoverTasklet, transactionManager).build();
	}

	@Bean
	IngestProgress ingestProgress(JdbcRegister register) {
		return new IngestProgress(register);
	}

	/**
	 * The work of one partition of the ocr step: its pending dossiers one after the other, each dossier's pages read
	 * by all the OCR workers (the next pages decoded while they read), each dossier registered as soon as it is done.
	 */
	@Bean
	Step ocrPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RegisterQueryReader<PendingDossier> pendingDossierReader, DossierOcrProcessor dossierOcrProcessor,
			RegisterWriter registerWriter, IngestProgress ingestProgress) {
		return new StepBuilder(OCR_PARTITION_STEP, jobRepository)
			.<PendingDossier, ProcessedDossier>chunk(DOSSIERS_PER_CHUNK)
			.transactionManager(transactionManager)
			.reader(pendingDossierReader)
			.processor(dossierOcrProcessor)
			.writer(registerWriter)
			.listener(ingestProgress.dossiersWritten())
			.build();
	}

	/**
	 * Runs the partitions in this process, as many side by side as there are OCR workers: one dossier in flight per
	 * worker, so that the pages of another dossier keep the workers busy while one dossier's PDF is written (a
	 * dossier of one page would otherwise leave a core idle), and never more (the workers are the cores; the pages in
	 * flight stay within the processor's pixel budget, shared by all partitions). The seam for running the
	 * partitions in other processes: a handler that sends the partitions' step executions to workers instead.
	 */
	@Bean
	@Conditional(ScaleOutProperties.Disabled.class)
	PartitionHandler ocrPartitionHandler(Step ocrPartitionStep, OcrProperties ocr) {
		SimpleAsyncTaskExecutor partitions = new SimpleAsyncTaskExecutor("ocr-partition-");
		partitions.setConcurrencyLimit(ocr.effectiveWorkers());
		partitions.setTaskDecorator(LogContext::wrap);
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(ocrPartitionStep);
		handler.setTaskExecutor(partitions);
		handler.setGridSize(ocr.effectivePartitions());
		return handler;
	}

	/**
	 * The ocr step: splits the delivery's pending dossiers into partitions ({@link DossierPartitioner}), has them
	 * run and adds up their counts. A stop reaches every partition between two of its chunks; a restart runs only
	 * the partitions that did not complete, each with the share it had.
	 */
	@Bean
	Step ocrStep(JobRepository jobRepository, Step ocrPartitionStep, PartitionHandler ocrPartitionHandler,
			IngestProgress ingestProgress) {
		return new StepBuilder(OCR_STEP, jobRepository).partitioner(OCR_PARTITION_STEP, new DossierPartitioner())
			.step(ocrPartitionStep)
			.partitionHandler(ocrPartitionHandler)
			.listener(ingestProgress)
			.build();
	}

	@Bean
	@StepScope
	RegisterQueryReader<Long> dossiersToExtractReader(@Value("#{jobParameters['delivery']}") String delivery,
			JdbcRegister register) {
		long deliveryId = register.findDelivery(Path.of(delivery)).orElseThrow();
		return new RegisterQueryReader<>(() -> register.dossiersToExtract(deliveryId));
	}

	@Bean
	@StepScope
	MetadataProcessor metadataProcessor(JdbcRegister register, JdbcReferenceData referenceData, JsonMapper json) {
		return new MetadataProcessor(register, referenceData, json);
	}

	@Bean
	Step extractStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RegisterQueryReader<Long> dossiersToExtractReader, MetadataProcessor metadataProcessor,
			JdbcRegister register) {
		return new StepBuilder("extract", jobRepository).<Long, MetadataProcessor.Result>chunk(20)
			.transactionManager(transactionManager)
			.reader(dossiersToExtractReader)
			.processor(metadataProcessor)
			.writer(new MetadataWriter(register))
			.build();
	}

	@Bean
	@StepScope
	RegisterQueryReader<Long> dossiersToGeoreferenceReader(@Value("#{jobParameters['delivery']}") String delivery,
			JdbcRegister register) {
		long deliveryId = register.findDelivery(Path.of(delivery)).orElseThrow();
		return new RegisterQueryReader<>(() -> register.dossiersToGeoreference(deliveryId));
	}

	@Bean
	@StepScope
	GeoreferenceProcessor georeferenceProcessor(JdbcRegister register, JdbcReferenceData referenceData) {
		return new GeoreferenceProcessor(register, referenceData);
	}

	@Bean
	Step georefStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RegisterQueryReader<Long> dossiersToGeoreferenceReader, GeoreferenceProcessor georeferenceProcessor,
			JdbcRegister register) {
		return new StepBuilder("georef", jobRepository).<Long, GeoreferenceProcessor.Result>chunk(50)
			.transactionManager(transactionManager)
			.reader(dossiersToGeoreferenceReader)
			.processor(georeferenceProcessor)
			.writer((chunk) -> chunk.forEach((r) -> register.writeGeoreference(r.dossierId(), r.versionId(),
					r.georeference(), r.wkb(), r.addressIds(), r.issues())))
			.build();
	}

	@Bean
	Job ingestJob(JobRepository jobRepository, Step discoverStep, Step ocrStep, Step extractStep, Step georefStep,
			JobStopper stopper) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(stopper)
			.start(discoverStep)
			.next(ocrStep)
			.next(extractStep)
			.next(georefStep)
			.build();
	}

}
