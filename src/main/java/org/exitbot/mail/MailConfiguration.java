package org.exitbot.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    MailTransport mailTransport(@Value("${spring.mail.host:}") String smtpHost, ObjectProvider<JavaMailSender> sender,
            MailProperties properties) {
        return smtpHost.isBlank() ? new LoggingMailTransport() : new SmtpMailTransport(sender.getObject(), properties);
    }

    /** Plain-text mail templates, {@code templates/mail/<name>.txt}; Boot's own resolver serves the HTML ones. */
    @Bean
    ITemplateResolver textMailTemplateResolver() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("text/*"));
        resolver.setCheckExistence(true);
        resolver.setOrder(1);
        return resolver;
    }
}
