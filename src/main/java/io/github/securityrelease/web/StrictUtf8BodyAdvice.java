package io.github.securityrelease.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON is UTF-8 (RFC 8259), and a body that is not is refused ({@code 400}). Jackson lets
 * overlong forms, encoded surrogates and code points past U+10FFFF through into the strings it
 * reads; the JDK's decoder does not. The body is at most 64 KiB ({@link BodySizeLimitFilter}),
 * so it is read whole. A body taken as bytes is no text yet: its controller reads it as it
 * must (a webhook checks the bytes' signature before anything else).
 */
@ControllerAdvice
class StrictUtf8BodyAdvice extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType != byte[].class;
  }

  @Override
  public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
    byte[] body = message.getBody().readAllBytes();
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new HttpMessageNotReadableException("The request body is not valid UTF-8", e, message);
    }
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return message.getHeaders();
      }
    };
  }
}
