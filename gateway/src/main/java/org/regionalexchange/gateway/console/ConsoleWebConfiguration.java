package org.regionalexchange.gateway.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The console's languages: English and Russian (docs/design.md §12). The browser's preferred one
 * of them at first, then the person's choice ({@code ?lang=ru}), kept in the session. Adding a
 * language is adding its message bundle and its tag to {@link #LANGUAGES}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = ConsoleProperties.PREFIX, name = "issuer-uri")
class ConsoleWebConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> {
            for (Locale preferred : java.util.Collections.list(request.getLocales())) {
                for (Locale language : LANGUAGES) {
                    if (language.getLanguage().equals(preferred.getLanguage())) {
                        return language;
                    }
                }
            }
            return Locale.ENGLISH;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleResolver resolver = localeResolver();
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang != null) {
                    LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang)).findFirst()
                            .ifPresent(locale -> resolver.setLocale(request, response, locale));
                }
                return true;
            }
        }).addPathPatterns("/console", "/console/**");
    }
}
