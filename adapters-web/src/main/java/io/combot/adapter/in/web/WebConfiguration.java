package io.combot.adapter.in.web;

import io.combot.domain.port.in.CheckHealthUseCase;
import io.combot.domain.port.in.ClassifyTextUseCase;
import io.combot.domain.port.in.CompleteChatUseCase;
import io.combot.domain.port.in.EndSessionUseCase;
import io.combot.domain.port.in.GetSessionUseCase;
import io.combot.domain.port.in.RateReplyUseCase;
import io.combot.domain.port.in.ReadHistoryUseCase;
import io.combot.domain.port.in.ReadStatusUseCase;
import io.combot.domain.port.in.SearchKnowledgeUseCase;
import io.combot.domain.port.in.SendMessageUseCase;
import io.combot.domain.port.in.StartSessionUseCase;
import org.mapstruct.factory.Mappers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The REST API's Spring MVC context. Its use cases come from the parent context that bootstrap builds. */
@Configuration
@EnableWebMvc
public class WebConfiguration implements WebMvcConfigurer {
    private final JsonMapper jsonMapper = strictJsonMapper();

    /** Unknown fields, scalars of the wrong type, duplicate keys and trailing garbage are errors, not guesses. */
    static JsonMapper strictJsonMapper() {
        return JsonMapper.builder()
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(jsonMapper));
    }

    @Bean
    ChatWebMapper chatWebMapper() {
        ChatWebMapper mapper = Mappers.getMapper(ChatWebMapper.class);
        // The context starts before Jetty's connector opens, so the service is not ready before this has run.
        JsonWarmUp.run(jsonMapper, mapper);
        return mapper;
    }

    @Bean
    ChatController chatController(StartSessionUseCase startSession, GetSessionUseCase getSession,
                                  EndSessionUseCase endSession, SendMessageUseCase sendMessage,
                                  ReadHistoryUseCase readHistory, ChatWebMapper mapper, ProblemHandler problems) {
        return new ChatController(startSession, getSession, endSession, sendMessage, readHistory, mapper, jsonMapper,
                problems);
    }

    @Bean
    FeedbackController feedbackController(RateReplyUseCase rateReply, ChatWebMapper mapper) {
        return new FeedbackController(rateReply, mapper);
    }

    @Bean
    OpenAiCompatibleController openAiCompatibleController(CompleteChatUseCase completeChat, ProblemHandler problems) {
        return new OpenAiCompatibleController(completeChat, jsonMapper, problems);
    }

    @Bean
    ClassifyController classifyController(ClassifyTextUseCase classifyText, ChatWebMapper mapper) {
        return new ClassifyController(classifyText, mapper);
    }

    @Bean
    KnowledgeController knowledgeController(SearchKnowledgeUseCase searchKnowledge, ChatWebMapper mapper) {
        return new KnowledgeController(searchKnowledge, mapper);
    }

    @Bean
    HealthController healthController(CheckHealthUseCase health) {
        return new HealthController(health);
    }

    /** The count of requests in flight is the metrics filter's, which bootstrap's root context holds. */
    @Bean
    StatusController statusController(ReadStatusUseCase status, RequestMetricsFilter requests) {
        return new StatusController(status, requests::inFlight);
    }

    @Bean
    PageController pageController() {
        return new PageController();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/" + PageController.WEB_ROOT + "assets/")
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }
}
