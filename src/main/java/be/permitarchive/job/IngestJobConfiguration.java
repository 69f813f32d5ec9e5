package be.permitarchive.job;

import java.nio.file.Path;

import java.util.List;

import be.permitarchive.dossier.Division;
import be.permitarchive.extract.MetadataExtractor;
import be.permitarchive.register.internal.JdbcReferenceData;
import be.permitarchive.ocr.OcrEngineFactory;
import be.permitarchive.ocr.OcrProperties;
import be.permitarchive.ocr.OcrWorkerPool;
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
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code ingest} job: {@code discover} (files, hashes, types, quarantine), {@code ocr} (pages, outputs,
 * register; dossiers side by side, a few per chunk and transaction), {@code extract} (metadata read from the registered text),
 * {@code georef} (the dossier placed on the latest parcel map in the register). Parameter: {@code delivery}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OcrProperties.class, StoreProperties.class })
class IngestJobConfiguration {

	static final String JOB_NAME = "ingest";

	@Bean
	@StepScope
	DiscoverDeliveryTasklet discoverTasklet(@Value("#{jobParameters['delivery']}") String delivery,
			JdbcRegister register) {
		return new DiscoverDeliveryTasklet(Path.of(delivery), register);
	}

	@Bean
	@StepScope
	RegisterQueryReader<PendingDossier> pendingDossierReader(@Value("#{jobParameters['delivery']}") String delivery,
			JdbcRegister register) {
		long deliveryId = register.findDelivery(Path.of(delivery)).orElseThrow();
		return new RegisterQueryReader<>(() -> register.pendingDossiers(deliveryId));
	}

	@Bean
	@StepScope
	RegisterWriter registerWriter(@Value("#{jobParameters['delivery']}") String delivery, JdbcRegister register) {
		return new RegisterWriter(register, register.findDelivery(Path.of(delivery)).orElseThrow());
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

	@Bean
	DossierOcrProcessor dossierOcrProcessor(OcrWorkerPool pool, Store store, OcrProperties ocr, JsonMapper json) {
		return new DossierOcrProcessor(pool, store, PageLimits.defaults(), ocr, json);
	}

	@Bean
	Step discoverStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			DiscoverDeliveryTasklet discoverTasklet) {
		return new StepBuilder("discover", jobRepository).tasklet(discoverTasklet, transactionManager).build();
	}

	/**
	 * As many dossiers are read at once as there are OCR workers, so that the pages of the next dossier keep the
	 * workers busy while one dossier's PDF is written (a dossier of one page would otherwise leave a core idle). A
	 * chunk holds two dossiers per worker and commits them together; after a crash, at most that many are processed
	 * again, from the OCR results already in the store.
	 */
	@Bean
	IngestProgress ingestProgress(JdbcRegister register) {
		return new IngestProgress(register);
	}

	@Bean
	Step ocrStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, OcrProperties ocr,
			RegisterQueryReader<PendingDossier> pendingDossierReader, DossierOcrProcessor dossierOcrProcessor,
			RegisterWriter registerWriter, IngestProgress ingestProgress) {
		int workers = ocr.effectiveWorkers();
		SimpleAsyncTaskExecutor dossiers = new SimpleAsyncTaskExecutor("dossier-");
		dossiers.setConcurrencyLimit(workers);
		dossiers.setTaskDecorator(LogContext::wrap);
		return new StepBuilder("ocr", jobRepository).<PendingDossier, ProcessedDossier>chunk(2 * workers)
			.transactionManager(transactionManager)
			.reader(pendingDossierReader)
			.processor(dossierOcrProcessor)
			.taskExecutor(dossiers)
			.writer(registerWriter)
			.listener((org.springframework.batch.core.listener.StepListener) ingestProgress)
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
		List<Division> divisions = referenceData.latest()
			.map((version) -> referenceData.divisions(version.id()))
			.orElse(List.of());
		List<String> municipalities = divisions.stream().map(Division::municipalityNis).distinct().toList();
		return new MetadataProcessor(register, new MetadataExtractor(divisions), json,
				(municipalities.size() == 1) ? municipalities.get(0) : null);
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
