package io.github.securityrelease.forge.contract;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.securityrelease.contract.ContractFake;

/**
 * GitHub's API faked by WireMock, held to GitHub's published description ({@link GitHubContract})
 * as {@link ContractFake} holds any fake to its API's; and GitHub's storage host beside it,
 * which is not the API. Register it with {@code @RegisterExtension}, or a {@link #started()} one
 * in a static field for a Spring IT whose context needs its URL first.
 */
public final class GitHubFake extends ContractFake {

  /** The paths of the storage host ({@link #storageUrl}), which is not the API. */
  public static final String STORAGE = "/_storage";

  public GitHubFake() {
    super(GitHubContract.github(), "GitHub's");
  }

  /** A fake listening already, on a free port, until its class ends (register it in a static field). */
  public static GitHubFake started() {
    GitHubFake fake = new GitHubFake();
    fake.startForTheClass();
    return fake;
  }

  /**
   * GitHub's storage host, where a release asset's download is redirected, played by this
   * server under the other name of the loopback interface ({@code 127.0.0.1} where the API's
   * {@link #baseUrl} says {@code localhost}: another origin, as the real one is) and under
   * {@value #STORAGE}: {@code storageUrl("/a.tar.gz")}.
   */
  public String storageUrl(String path) {
    String other = "localhost".equals(java.net.URI.create(baseUrl()).getHost()) ? "127.0.0.1" : "localhost";
    return "http://" + other + ":" + server().port() + STORAGE + path;
  }

  /**
   * A stub of the storage host ({@link #storageUrl}), for a path under {@value #STORAGE}: not
   * GitHub's API, so neither it nor the requests it answers are held to the description.
   */
  public StubMapping storage(MappingBuilder builder) {
    StubMapping mapping = builder.build();
    String path = mapping.getRequest().getUrlPath() != null ? mapping.getRequest().getUrlPath() : mapping.getRequest().getUrl();
    if (path == null || !path.startsWith(STORAGE)) {
      throw new AssertionError("a storage stub's path starts with " + STORAGE + "; got " + path);
    }
    server().addStubMapping(mapping);
    return mapping;
  }

  @Override
  protected boolean outsideContract(String url) {
    return url.startsWith(STORAGE + "/");
  }
}
