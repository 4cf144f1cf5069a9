package org.exitbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ExitBotApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExitBotApplication.class, args);
    }
}
